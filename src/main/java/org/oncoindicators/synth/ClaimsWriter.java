package org.oncoindicators.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Writes claims.csv as it goes: a patient's lines in service-date order, each line its own claim_id. */
final class ClaimsWriter implements Closeable {
  static final String[] HEADER = {"claim_id", "patient_id", "center_id", "setting", "service_date", "discharge_date", "dx_codes",
      "procedure_code", "procedure_system", "amount"};
  private static final Comparator<ClaimLine> BY_SERVICE_DAY = Comparator.comparingInt(ClaimLine::serviceDay);

  private final CsvWriter out;
  private long claims;

  ClaimsWriter(Path file) throws IOException {
    out = new CsvWriter(file, HEADER);
  }

  void write(String patientId, List<ClaimLine> lines) throws IOException {
    lines.sort(BY_SERVICE_DAY);
    for (ClaimLine line : lines) {
      out.row(Pseudonyms.claim(++claims), patientId, line.centre().id(), line.setting(), RegistryWriter.date(line.serviceDay()),
          line.dischargeDay() == ClaimLine.NO_DAY ? "" : RegistryWriter.date(line.dischargeDay()), line.dxCodes(),
          line.procedureCode(), line.procedureSystem(), Long.toString(line.amount()));
    }
  }

  long rows() {
    return out.rows();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
