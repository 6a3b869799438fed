package org.oncoindicators.ingest.naaccr;

import com.imsweb.naaccrxml.PatientXmlReader;
import com.imsweb.naaccrxml.entity.Patient;
import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.input.PortableDataStream;
import org.oncoindicators.ingest.ExtractError;

/**
 * Reads a whole NAACCR XML file on an executor and reports what it holds, or the problem that
 * makes it unreadable, as data — so the driver can fail the run naming the file before any row is used.
 */
record NaaccrFileCheck(String file, long patients, long tumours, long patientsWithoutTumour, String where,
    String problem)
    implements Serializable {

  static NaaccrFileCheck of(String file, PortableDataStream stream) {
    long patients = 0;
    long tumours = 0;
    long empty = 0;
    try (PatientXmlReader reader = NaaccrStream.open(stream.open(), file)) {
      for (Patient p = reader.readPatient(); p != null; p = reader.readPatient()) {
        patients++;
        tumours += p.getTumors().size();
        empty += p.getTumors().isEmpty() ? 1 : 0;
      }
      return new NaaccrFileCheck(file, patients, tumours, empty, null, null);
    } catch (IOException e) {
      return new NaaccrFileCheck(file, patients, tumours, empty, NaaccrStream.where(file, e), NaaccrStream.problem(e));
    }
  }

  /** Fails the run when the file could not be read. */
  void requireReadable() {
    if (problem != null) {
      throw new ExtractError(where, problem, NaaccrStream.FIX);
    }
  }
}
