package org.oncoindicators.publish;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Where each region's residents are treated: a residence × treating-region grid coloured by the
 * share of the residents; suppressed cells are grey.
 */
final class FlowChart {
  /** One published cell; share NULL when suppressed. */
  record Cell(String residence, String treating, Double share) {}

  private static final Color HIDDEN = new Color(0xcccccc);

  private FlowChart() {}

  static JFreeChart of(String title, List<String> residences, List<String> treating, List<Cell> cells) {
    double[][] xyz = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      xyz[0][i] = treating.indexOf(c.treating());
      xyz[1][i] = residences.indexOf(c.residence());
      xyz[2][i] = c.share() == null ? -1 : c.share();
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("share", xyz);
    LookupPaintScale scale = new LookupPaintScale(-1.0, 1.0001, HIDDEN);
    scale.add(-1.0, HIDDEN);
    for (int step = 0; step < 10; step++) {
      float t = step / 9f;
      scale.add(step / 10.0, new Color(1f - 0.85f * t, 1f - 0.55f * t, 1f - 0.25f * t));
    }
    XYBlockRenderer r = new XYBlockRenderer();
    r.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis("Treating region", treating.toArray(String[]::new));
    x.setVerticalTickLabels(true);
    SymbolAxis y = new SymbolAxis("Residence region", residences.toArray(String[]::new));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    LookupPaintScale legendScale = new LookupPaintScale(0.0, 1.0001, HIDDEN);
    for (int step = 0; step < 10; step++) {
      legendScale.add(step / 10.0, scale.getPaint(step / 10.0));
    }
    PaintScaleLegend legend = new PaintScaleLegend(legendScale, new NumberAxis("Share of residents (grey: suppressed)"));
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    return chart;
  }
}
