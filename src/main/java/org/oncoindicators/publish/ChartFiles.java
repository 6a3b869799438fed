package org.oncoindicators.publish;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG and SVG with its provenance: as a caption under the chart (so a printed
 * figure names its run) and as PNG text metadata / SVG title. Fixed SVG id prefix and no clock
 * time, so the same data give the same bytes.
 */
final class ChartFiles {
  static final int WIDTH = 900;
  static final int HEIGHT = 560;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartFiles() {}

  /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
  static void write(JFreeChart chart, Path dir, String name, Provenance provenance) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    TextTitle caption = new TextTitle(provenance.caption(), new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    caption.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
    caption.setPaint(Color.DARK_GRAY);
    chart.addSubtitle(caption);
    try {
      writePng(chart.createBufferedImage(WIDTH, HEIGHT), dir.resolve(name + ".png"), provenance);
      SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
      svg.setDefsKeyPrefix("onco-" + name);
      chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
      String element = svg.getSVGElement(null, true, null, null, null);
      String titled = element.replaceFirst(">", "><title>" + escape(chart.getTitle() == null ? name
          : chart.getTitle().getText()) + " — " + escape(provenance.caption()) + "</title>");
      Files.writeString(dir.resolve(name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + titled + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  private static void writePng(BufferedImage image, Path file, Provenance provenance) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    ImageWriter writer = writers.next();
    IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
        writer.getDefaultWriteParam());
    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
    entry.setAttribute("keyword", "Comment");
    entry.setAttribute("value", provenance.caption() + "; inputs " + provenance.inputVersionsJson());
    IIOMetadataNode text = new IIOMetadataNode("tEXt");
    text.appendChild(entry);
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    root.appendChild(text);
    try {
      metadata.mergeTree("javax_imageio_png_1.0", root);
    } catch (IIOInvalidTreeException e) {
      throw new IOException(e);
    }
    try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(metadata, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
