package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quote-free fast path splits exactly as univocity does, which still parses quoted lines. */
class CsvLineParserTest {
  private final CsvLineParser parser = new CsvLineParser();

  @Test
  void quoteFreeLinesSplitAsUnivocity() {
    String[] lines = {"a,b,c", "a,,c", "a,b,", ",a", ",", ",,", " a , b ", "P1,2020-01-01,C16.9,\t,x",
        "한글,é,\u00A0", "a;b,c", "x"};
    for (String line : lines) {
      assertArrayEquals(parser.univocity(line), CsvLineParser.split(line), line);
      assertArrayEquals(parser.univocity(line), parser.parse(line), line);
    }
  }

  @Test
  void randomQuoteFreeLinesSplitAsUnivocity() {
    Random random = new Random(7);
    String alphabet = "ab, \t;.-1é한#\\";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder line = new StringBuilder("p");
      for (int k = random.nextInt(30); k > 0; k--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertArrayEquals(parser.univocity(line.toString()), parser.parse(line.toString()), line.toString());
    }
  }

  @Test
  void quotedLinesStillGoThroughUnivocity() {
    assertArrayEquals(new String[] {"a,b", "c", ""}, parser.parse("\"a,b\",c,\"\""));
    assertArrayEquals(new String[] {"say \"hi\"", "x"}, parser.parse("\"say \"\"hi\"\"\",x"));
    assertNull(parser.parse("\"open,x"));
  }
}
