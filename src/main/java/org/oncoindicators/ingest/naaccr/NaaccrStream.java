package org.oncoindicators.ingest.naaccr;

import com.imsweb.naaccrxml.NaaccrIOException;
import com.imsweb.naaccrxml.NaaccrOptions;
import com.imsweb.naaccrxml.PatientXmlReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.oncoindicators.ingest.ExtractError;

/**
 * Opens one NAACCR XML file (gzip by its name) as the NAACCR library's streaming patient reader,
 * decoding strictly as UTF-8 and keeping only the items the mapping reads, so a file of any size
 * is read one Patient at a time.
 */
final class NaaccrStream {
  static final String FIX = "deliver NAACCR XML (a NaaccrData root with a supported baseDictionaryUri, "
      + "Patient/Tumor/Item elements, UTF-8) or a CSV/Parquet extract";

  private NaaccrStream() {}

  static PatientXmlReader open(InputStream raw, String file) throws IOException {
    InputStream in = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    try {
      return new PatientXmlReader(text, options());
    } catch (IOException | RuntimeException e) {
      text.close();
      throw e;
    }
  }

  /**
   * Values are not validated by the library (the registry row rules judge them, with their reason
   * codes) and items outside the mapping — unknown ones included — are skipped.
   */
  static NaaccrOptions options() {
    NaaccrOptions options = new NaaccrOptions();
    options.setValidateReadValues(false);
    options.setUnknownItemHandling(NaaccrOptions.ITEM_HANDLING_IGNORE);
    options.setItemsToInclude(NaaccrItems.USED);
    return options;
  }

  /** The run-failing error for a file the library cannot read, with the line it reports. */
  static ExtractError error(String file, IOException e) {
    return new ExtractError(where(file, e), problem(e), FIX);
  }

  /** The file, with the line when the library reports one. */
  static String where(String file, IOException e) {
    Integer line = e instanceof NaaccrIOException n ? n.getLineNumber() : null;
    return line == null ? file : file + " line " + line;
  }

  static String problem(IOException e) {
    return "not valid NAACCR XML (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
  }
}
