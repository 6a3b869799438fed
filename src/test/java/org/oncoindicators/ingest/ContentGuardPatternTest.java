package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The resident-registration-number shape finds what its plain spelling finds: the guard's pattern
 * is written from the hyphen for speed, and must refuse exactly the same lines.
 */
class ContentGuardPatternTest {
  private static final Pattern GUARD = Pattern.compile(ContentGuard.RRN_SHAPE);
  /** The plain spelling the guard's pattern replaced. */
  private static final Pattern PLAIN =
      Pattern.compile("(^|[^0-9])[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-[1-8][0-9]{6}([^0-9]|$)");

  @Test
  void numbersOfThatShapeAreFoundAndNearMissesAreNot() {
    for (String line : List.of("900101-1234567", "C2,850101-1234567,KR-11,hub", "x-900131-8999999-", "P1,851231-2000000")) {
      assertTrue(GUARD.matcher(line).find(), line);
    }
    for (String line : List.of("CL1,P1,RCC-SEOUL,outpatient,2022-11-18,,E78.5,,,12790", "1900101-1234567",
        "900101-12345678", "901301-1234567", "900100-1234567", "900132-1234567", "900101-0234567", "900101-9234567",
        "90010-1234567", "")) {
      assertFalse(GUARD.matcher(line).find(), line);
    }
  }

  @Test
  void agreesWithThePlainSpellingOnRandomLines() {
    Random random = new Random(7);
    String alphabet = "0123456789-,a0123-9";
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder line = new StringBuilder();
      int length = 5 + random.nextInt(25);
      for (int j = 0; j < length; j++) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(3) == 0) {
        line.insert(random.nextInt(line.length() + 1), String.format("%02d%02d%02d-%d%06d", random.nextInt(100),
            random.nextInt(14), random.nextInt(33), random.nextInt(10), random.nextInt(1_000_000)));
      }
      boolean plain = PLAIN.matcher(line).find();
      assertEquals(plain, GUARD.matcher(line).find(), line.toString());
      found += plain ? 1 : 0;
    }
    assertTrue(found > 1_000, "the random lines include numbers of the shape: " + found);
  }
}
