package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.testing.SparkTestBase;

/** File-level problems fail with one message naming the file, the place and the fix. */
class ExtractFileChecksTest extends SparkTestBase {
  private static final String HEADER = "center_id,name,region,kind\n";

  @TempDir
  Path dir;

  private String fails(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    ExtractError e = assertThrows(ExtractError.class, () -> {
      RawExtract raw = new ExtractReader(spark()).read(f.toString(), SourceContract.CENTERS);
      ContentGuard.check(raw);
    });
    assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
    return e.getMessage();
  }

  @Test
  void missingFileIsNamed() {
    ExtractError e = assertThrows(ExtractError.class,
        () -> new ExtractReader(spark()).read(dir.resolve("nope.csv").toString(), SourceContract.CENTERS));
    assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("not found"));
  }

  @Test
  void emptyFileFails() throws IOException {
    assertTrue(fails("empty.csv", new byte[0]).contains("empty"));
  }

  @Test
  void missingRequiredColumnIsNamed() throws IOException {
    assertTrue(fails("c.csv", "center_id,name,region\nC1,A,KR-11\n".getBytes(StandardCharsets.UTF_8))
        .contains("required column 'kind'"));
  }

  @Test
  void identifierColumnIsRefused() throws IOException {
    assertTrue(fails("c.csv", "center_id,name,region,kind,phone\nC1,A,KR-11,hub,010\n".getBytes(StandardCharsets.UTF_8))
        .contains("direct identifier"));
  }

  @Test
  void residentRegistrationNumberValueIsRefusedWithItsLine() throws IOException {
    String msg = fails("c.csv", (HEADER + "C1,A,KR-11,hub\nC2,850101-1234567,KR-11,hub\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(msg.contains("line 3") && msg.contains("resident registration number"), msg);
  }

  @Test
  void nonUtf8TextIsRefusedWithItsLine() throws IOException {
    byte[] head = (HEADER + "C1,A,KR-11,hub\nC2,").getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "Séoul,KR-11,hub\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + latin1.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(latin1, 0, all, head.length, latin1.length);
    String msg = fails("c.csv", all);
    assertTrue(msg.contains("line 3") && msg.contains("UTF-8"), msg);
  }

  @Test
  void bomAndCrlfAreFine() throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.write(f, ("\uFEFF" + HEADER.replace("\n", "\r\n") + "C1,A,KR-11,hub\r\n").getBytes(StandardCharsets.UTF_8));
    RawExtract raw = new ExtractReader(spark()).read(f.toString(), SourceContract.CENTERS);
    ContentGuard.check(raw);
    assertTrue(raw.rows().filter("malformed = false and kind = 'hub'").count() == 1);
  }
}
