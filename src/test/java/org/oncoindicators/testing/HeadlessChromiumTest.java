package org.oncoindicators.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.testing.HeadlessChromium.Image;
import org.oncoindicators.testing.HeadlessChromium.Page;

/** Checks that {@link HeadlessChromium} reports images, console errors and a screenshot as a real browser shows them. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class HeadlessChromiumTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  @BeforeEach
  void requireChromium() {
    if (HeadlessChromium.available()) {
      return;
    }
    String message = HeadlessChromium.CHROMIUM + " not found: install Debian chromium (apt-get install chromium)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.assumeTrue(false, message);
  }

  @Test
  void okPageShowsItsImageWithoutErrors() throws IOException {
    writePng(dir.resolve("dot.png"), 20, 10);
    Path html = write("ok.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>OK page</title></head>"
        + "<body><h1>Fine</h1><img src=\"dot.png\" alt=\"dot\"></body></html>");
    Path screenshot = dir.resolve("shots/ok.png");

    Page page = HeadlessChromium.load(html, screenshot, 800, 600);

    assertEquals(java.util.List.of(), page.consoleErrors());
    assertEquals("OK page", page.title());
    assertEquals(java.util.List.of(new Image("dot.png", 20, 10, true)), page.images());
    assertTrue(Files.size(screenshot) > PNG_SIGNATURE.length, "screenshot is empty");
    try (InputStream in = Files.newInputStream(screenshot)) {
      assertArrayEquals(PNG_SIGNATURE, in.readNBytes(PNG_SIGNATURE.length), "screenshot is not a PNG");
    }
    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertEquals(800, shot.getWidth(), "screenshot width is the viewport width");
    assertTrue(shot.getHeight() >= 600, "screenshot covers at least the viewport, was " + shot.getHeight());
  }

  @Test
  void badPageReportsTheMissingImageAndTheConsoleError() throws IOException {
    Path html = write("bad.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bad page</title></head>"
        + "<body><img src=\"missing.png\" alt=\"gone\"><script>console.error(\"boom\")</script></body></html>");

    Page page = HeadlessChromium.load(html, dir.resolve("bad.png"), 640, 480);

    assertFalse(page.consoleErrors().isEmpty(), "expected console errors");
    assertTrue(page.consoleErrors().stream().anyMatch(error -> error.contains("boom")),
        "console.error(\"boom\") not reported: " + page.consoleErrors());
    assertTrue(page.consoleErrors().stream().anyMatch(error -> error.contains("missing.png")),
        "failed load of missing.png not reported: " + page.consoleErrors());
    assertEquals(1, page.images().size(), () -> "images: " + page.images());
    Image missing = page.images().get(0);
    assertEquals("missing.png", missing.src());
    assertEquals(0, missing.naturalWidth(), () -> "missing image decoded: " + missing);
    assertTrue(Files.size(dir.resolve("bad.png")) > 0, "screenshot is empty");
  }

  private Path write(String name, String html) throws IOException {
    return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
  }

  private static void writePng(Path file, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x < width / 2 ? Color.RED : Color.BLUE).getRGB());
      }
    }
    assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer");
    assertTrue(Arrays.equals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file), PNG_SIGNATURE.length)));
  }
}
