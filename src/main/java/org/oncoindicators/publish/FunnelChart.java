package org.oncoindicators.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Funnel plot of one indicator (Spiegelhalter 2005): each shown centre's O/E against its expected
 * count, with the 95% and 99.8% limits (after any over-dispersion adjustment) drawn as smooth
 * curves over the range of expected counts, and centres outside the 99.8% limits labelled.
 */
final class FunnelChart {
  /** One centre's published point and limits. */
  record Point(String centre, double expected, double oe, String flag) {}

  /** The limits {lower inner, upper inner, lower outer, upper outer} at an expected count. */
  interface Limits {
    double[] at(double expected);
  }

  private FunnelChart() {}

  static JFreeChart of(String title, List<Point> points, int hidden, Limits limits) {
    List<Point> sorted = points.stream().sorted(Comparator.comparingDouble(Point::expected)
        .thenComparing(Point::centre)).toList();
    XYSeries centres = new XYSeries("Centres", false);
    XYSeries lo95 = new XYSeries("95% limits", false);
    XYSeries hi95 = new XYSeries("95% limits (upper)", false);
    XYSeries lo998 = new XYSeries("99.8% limits", false);
    XYSeries hi998 = new XYSeries("99.8% limits (upper)", false);
    double max = 0;
    for (Point p : sorted) {
      centres.add(p.expected(), p.oe());
      max = Math.max(max, p.expected());
    }
    double from = Math.max(0.5, 0.02 * max);
    double to = Math.max(2 * from, 1.15 * max);
    for (int i = 0; i <= 120; i++) {
      double e = from * Math.pow(to / from, i / 120.0);
      double[] l = limits.at(e);
      add(lo95, e, l[0]);
      add(hi95, e, l[1]);
      add(lo998, e, l[2]);
      add(hi998, e, l[3]);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries s : List.of(centres, lo95, hi95, lo998, hi998)) {
      data.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesPaint(0, new Color(0x1f4e79));
    Color inner = new Color(0x4f9d69);
    Color outer = new Color(0xc0392b);
    for (int i = 1; i <= 4; i++) {
      r.setSeriesShapesVisible(i, false);
      r.setSeriesPaint(i, i <= 2 ? inner : outer);
      r.setSeriesStroke(i, new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
          i <= 2 ? new float[] {6f, 4f} : null, 0f));
      r.setSeriesVisibleInLegend(i, i == 1 || i == 3);
    }
    NumberAxis x = new NumberAxis("Expected events (E)");
    NumberAxis y = new NumberAxis("Observed / expected (O/E)");
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.addRangeMarker(new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f)));
    for (Point p : sorted) {
      if ("higher".equals(p.flag()) || "lower".equals(p.flag())) {
        XYTextAnnotation label = new XYTextAnnotation(" " + p.centre(), p.expected(), p.oe());
        label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(label);
      }
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    if (hidden > 0) {
      chart.addSubtitle(new org.jfree.chart.title.TextTitle(hidden + (hidden == 1 ? " centre" : " centres")
          + " not shown: suppressed (small numbers)"));
    }
    return chart;
  }

  private static void add(XYSeries s, double x, Double y) {
    if (y != null && Double.isFinite(y)) {
      s.add(x, y);
    }
  }
}
