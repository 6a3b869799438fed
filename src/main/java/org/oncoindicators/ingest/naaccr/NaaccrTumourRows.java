package org.oncoindicators.ingest.naaccr;

import com.imsweb.naaccrxml.PatientXmlReader;
import com.imsweb.naaccrxml.entity.Patient;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Turns one NAACCR XML file into raw registry rows on an executor, one per Tumor, streaming one
 * Patient at a time; {@code line_number} is the Tumor's 1-based position in the file.
 */
final class NaaccrTumourRows implements Serializable {
  private final String file;
  private final StructType schema;

  NaaccrTumourRows(String file, StructType schema) {
    this.file = file;
    this.schema = schema;
  }

  Iterator<Row> rows(PortableDataStream stream) {
    try {
      PatientXmlReader reader = NaaccrStream.open(stream.open(), file);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) done -> reader.close());
      }
      return new TumourIterator(reader);
    } catch (IOException e) {
      throw NaaccrStream.error(file, e);
    }
  }

  private Row toRow(NaaccrTumour tumour, long ordinal) {
    Map<String, String> columns = tumour.columns();
    String[] names = schema.fieldNames();
    Object[] values = new Object[names.length];
    values[0] = file;
    values[1] = ordinal;
    values[2] = tumour.rawRecord();
    values[3] = tumour.malformed();
    values[4] = false;
    for (int i = 5; i < names.length; i++) {
      values[i] = columns.get(names[i]);
    }
    return RowFactory.create(values);
  }

  /** Reads the next Patient only when the previous one's tumours are consumed; closes the file at the end (or with the task). */
  private final class TumourIterator implements Iterator<Row> {
    private final PatientXmlReader reader;
    private final Deque<Row> pending = new ArrayDeque<>();
    private long ordinal;
    private boolean done;

    TumourIterator(PatientXmlReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !done) {
        readPatient();
      }
      return !pending.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.removeFirst();
    }

    private void readPatient() {
      try {
        Patient patient = reader.readPatient();
        if (patient == null) {
          done = true;
          reader.close();
          return;
        }
        for (int i = 0; i < patient.getTumors().size(); i++) {
          pending.add(toRow(new NaaccrTumour(patient, patient.getTumors().get(i), i + 1), ++ordinal));
        }
      } catch (IOException e) {
        reader.close();
        throw NaaccrStream.error(file, e);
      }
    }
  }
}
