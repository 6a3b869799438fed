package org.oncoindicators.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * A centre's specialisation profile: its risk-adjusted O/E (with 95% interval) per cancer group,
 * best first, on a log scale around 1 (as expected); suppressed groups are left out and named.
 */
final class SpecialisationChart {
  /** One shown cancer group of the centre. */
  record Bar(String cancerGroup, double oe, double lower, double upper) {}

  private SpecialisationChart() {}

  static JFreeChart of(String title, List<Bar> bars, int hidden) {
    XIntervalSeries s = new XIntervalSeries("O/E with 95% interval");
    String[] names = new String[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int row = bars.size() - 1 - i; // best at the top
      names[row] = b.cancerGroup();
      s.add(b.oe(), Math.max(b.lower(), 1e-3), Math.max(b.upper(), 1e-3), row);
    }
    XIntervalSeriesCollection data = new XIntervalSeriesCollection();
    data.addSeries(s);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawYError(false);
    r.setDefaultLinesVisible(false);
    r.setSeriesPaint(0, new Color(0x1f4e79));
    r.setErrorPaint(new Color(0x1f4e79));
    r.setErrorStroke(new BasicStroke(1.6f));
    LogAxis x = new LogAxis("O/E (below 1: fewer deaths than expected)");
    x.setSmallestValue(1e-3);
    SymbolAxis y = new SymbolAxis("", names);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.addDomainMarker(new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f)));
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    if (hidden > 0) {
      chart.addSubtitle(new org.jfree.chart.title.TextTitle(hidden + " cancer group" + (hidden == 1 ? "" : "s")
          + " not shown: suppressed (small numbers)"));
    }
    return chart;
  }
}
