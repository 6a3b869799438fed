package org.oncoindicators.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Survival curves of one cancer group: the nation and every centre whose counts are published,
 * each a line with its pointwise confidence band, over years since diagnosis.
 */
final class SurvivalChart {
  /** One point of one curve. */
  record Point(String centre, double years, double estimate, Double lower, Double upper) {}

  private static final Color[] PALETTE = {new Color(0x1f4e79), new Color(0xc0392b), new Color(0x4f9d69),
      new Color(0x8e44ad), new Color(0xd35400), new Color(0x16a085), new Color(0x7f8c8d), new Color(0xb7950b),
      new Color(0x2e86c1), new Color(0x922b21)};

  private SurvivalChart() {}

  static JFreeChart of(String title, String yLabel, List<Point> points) {
    Map<String, YIntervalSeries> curves = new LinkedHashMap<>();
    for (Point p : points) {
      YIntervalSeries s = curves.computeIfAbsent(p.centre(), c -> new YIntervalSeries("ALL".equals(c) ? "All centres" : c,
          false, true));
      double lo = p.lower() == null ? p.estimate() : p.lower();
      double hi = p.upper() == null ? p.estimate() : p.upper();
      s.add(p.years(), p.estimate(), lo, hi);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    curves.values().forEach(data::addSeries);
    DeviationRenderer r = new DeviationRenderer(true, false);
    r.setAlpha(0.12f);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = "All centres".equals(data.getSeriesKey(i)) ? Color.BLACK : PALETTE[i % PALETTE.length];
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke("All centres".equals(data.getSeriesKey(i)) ? 2.6f : 1.4f));
    }
    NumberAxis x = new NumberAxis("Years since diagnosis");
    NumberAxis y = new NumberAxis(yLabel);
    y.setRange(0.0, 1.0);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }
}
