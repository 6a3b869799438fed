package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * gold.care_network on a hand-built set of care paths: two networks found in claims (hub H1 with
 * spoke S1; hub H2 on its own), referral volumes, follow-up centres and the share of patients
 * treated in the network where they were first seen, with known days to treatment.
 */
class CareNetworksTest extends SparkTestBase {
  private static List<Row> rows;
  private static List<NetworkMembership.Member> members;

  private static Row path(int id, String group, String seenAt, int seenDay, String treatedAt, int treatedDay,
                          String followUpAt) {
    LocalDate d0 = LocalDate.of(2020, 1, 1);
    return RowFactory.create("T" + id, group, seenAt, seenAt == null ? null : Date.valueOf(d0.plusDays(seenDay)),
        treatedAt, treatedAt == null ? null : Date.valueOf(d0.plusDays(treatedDay)), followUpAt);
  }

  @BeforeAll
  static void build() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("tumor_id", DataTypes.StringType, false),
        DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
        DataTypes.createStructField("first_diagnostic_center_id", DataTypes.StringType, true),
        DataTypes.createStructField("first_diagnostic_date", DataTypes.DateType, true),
        DataTypes.createStructField("first_treatment_center_id", DataTypes.StringType, true),
        DataTypes.createStructField("first_treatment_date", DataTypes.DateType, true),
        DataTypes.createStructField("follow_up_center_id", DataTypes.StringType, true)));
    List<Row> p = new ArrayList<>();
    // S1 refers 3 stomach patients to H1 (10, 20, 30 days) and 1 lung patient to H2 (40 days)
    p.add(path(1, "stomach", "S1", 0, "H1", 10, "S1"));
    p.add(path(2, "stomach", "S1", 0, "H1", 20, "H1"));
    p.add(path(3, "stomach", "S1", 0, "H1", 30, "H1"));
    p.add(path(4, "lung", "S1", 0, "H2", 40, "H2"));
    // H1 and H2 treat their own patients (5 days each)
    p.add(path(5, "stomach", "H1", 0, "H1", 5, "H1"));
    p.add(path(6, "lung", "H1", 0, "H1", 5, null));
    p.add(path(7, "lung", "H2", 0, "H2", 5, "H2"));
    p.add(path(8, "lung", "H2", 0, "H2", 5, "H2"));
    // never treated: not in retention or referrals
    p.add(path(9, "lung", "S1", 0, null, 0, null));
    Dataset<Row> paths = spark().createDataFrame(p, schema);
    members = NetworkMembership.assign(CareNetworks.referrals(paths), List.of(), 2);
    rows = CareNetworks.build(paths, CareNetworks.members(spark(), members), "r1").collectAsList();
  }

  private static Row find(String measure, String group, String network, String from, String to) {
    return rows.stream().filter(r -> r.getAs("measure").equals(measure) && r.getAs("cancer_group").equals(group)
            && Objects.equals(r.getAs("network_id"), network) && Objects.equals(r.getAs("from_center_id"), from)
            && Objects.equals(r.getAs("to_center_id"), to))
        .findFirst().orElseThrow(() -> new AssertionError(measure + " " + group + " " + network + " " + from + " " + to
            + " not in " + rows));
  }

  private static void assertCounts(Row r, long n, long denominator) {
    assertEquals(n, r.<Long>getAs("n"), r.toString());
    assertEquals(denominator, r.<Long>getAs("denominator"), r.toString());
    assertEquals((double) n / denominator, r.<Double>getAs("share"), 1e-12);
    assertTrue(r.<Double>getAs("ci_lower") <= r.<Double>getAs("share")
        && r.<Double>getAs("share") <= r.<Double>getAs("ci_upper"));
  }

  @Test
  void spokeJoinsTheHubItRefersToMost() {
    assertCounts(find("membership", "all_sites", "H1", "S1", "H1"), 3, 4);
    assertEquals("spoke", find("membership", "all_sites", "H1", "S1", "H1").getAs("role"));
    assertEquals("hub", find("membership", "all_sites", "H2", "H2", "H2").getAs("role"));
    assertEquals("claims", find("membership", "all_sites", "H2", "H2", "H2").getAs("basis"));
    assertEquals(3, members.size());
  }

  @Test
  void retentionIsTheShareTreatedInTheNetworkWhereFirstSeen() {
    Row h1 = find("retention", "all_sites", "H1", null, null);
    assertCounts(h1, 5, 6); // S1 x4 (3 kept) + H1 x2
    assertEquals(15.0, h1.<Double>getAs("median_days"), 1e-12); // 5, 5, 10, 20, 30, 40
    assertCounts(find("retention", "stomach", "H1", null, null), 4, 4);
    assertCounts(find("retention", "all_sites", "H2", null, null), 2, 2);
    Row national = find("retention", "all_sites", "ALL", null, null);
    assertCounts(national, 7, 8);
    assertEquals(5.0, national.<Double>getAs("p25_days"), 1e-12);
  }

  @Test
  void referralVolumesBetweenCentres() {
    Row s1h1 = find("referral", "stomach", null, "S1", "H1");
    assertCounts(s1h1, 3, 3);
    assertEquals(20.0, s1h1.<Double>getAs("median_days"), 1e-12);
    assertEquals(15.0, s1h1.<Double>getAs("p25_days"), 1e-12);
    assertCounts(find("referral", "all_sites", null, "S1", "H2"), 1, 4);
    assertTrue(rows.stream().noneMatch(r -> r.getAs("measure").equals("referral")
        && r.getAs("from_center_id").equals(r.getAs("to_center_id"))), "treated where first seen is no referral");
  }

  @Test
  void followUpCentreOfTreatedPatients() {
    assertCounts(find("follow_up", "all_sites", null, "H1", "H1"), 3, 4);
    assertCounts(find("follow_up", "all_sites", null, "H1", "S1"), 1, 4);
    assertNull(find("follow_up", "lung", null, "H2", "H2").getAs("network_id"));
    assertCounts(find("follow_up", "lung", null, "H2", "H2"), 3, 3);
  }
}
