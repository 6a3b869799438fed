package org.oncoindicators.ingest.naaccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** NAACCR codes to the registry contract's values, including the ones passed through for the row rules to judge. */
class NaaccrCodesTest {
  @Test
  void vitalStatusZeroIsDeadInNaaccrTheOppositeOfTheContractDigits() {
    assertEquals("dead", NaaccrCodes.vitalStatus("0"));
    assertEquals("alive", NaaccrCodes.vitalStatus("1"));
    assertEquals("9", NaaccrCodes.vitalStatus("9"));
  }

  @Test
  void sexOneAndTwoAreMaleAndFemaleOthersPassedThrough() {
    assertEquals("M", NaaccrCodes.sex("1"));
    assertEquals("F", NaaccrCodes.sex("2"));
    assertEquals("9", NaaccrCodes.sex("9"));
  }

  @Test
  void partialDatesAreNeverCompleted() {
    assertEquals("2019-04-05", NaaccrCodes.date("20190405"));
    assertEquals("201904", NaaccrCodes.date("201904"));
    assertEquals("2019", NaaccrCodes.date("2019"));
    assertNull(NaaccrCodes.date(null));
  }

  @Test
  void stageTakesThe2018DerivedThenDirectlyCodedThen2000AndLeavesInSituAsGiven() {
    assertEquals("distant", NaaccrCodes.stage("7", "1", "1"));
    assertEquals("localized", NaaccrCodes.stage(null, "1", "7"));
    assertEquals("regional", NaaccrCodes.stage(null, null, "5"));
    assertEquals("unknown", NaaccrCodes.stage("9", null, null));
    assertEquals("0", NaaccrCodes.stage("0", null, null));
    assertNull(NaaccrCodes.stage(null, null, null));
  }

  @Test
  void autopsyAndDeathCertificateOnlyComeFromTheReportingSource() {
    assertEquals("DCO", NaaccrCodes.basisOfDiagnosis("9", "7"));
    assertEquals("autopsy", NaaccrCodes.basisOfDiagnosis("1", "6"));
    assertEquals("histology", NaaccrCodes.basisOfDiagnosis("1", "1"));
    assertEquals("clinical", NaaccrCodes.basisOfDiagnosis("8", null));
  }

  @Test
  void ageIsComputedFromFullDatesOnlyWhenNotCoded() {
    assertEquals("64", NaaccrCodes.age("064", "19000101", "20000101"));
    assertEquals("51", NaaccrCodes.age("999", "19700615", "20220202"));
    assertEquals("51", NaaccrCodes.age(null, "19700615", "20220202"));
    assertNull(NaaccrCodes.age(null, "197006", "20220202"));
  }

  @Test
  void sitesMorphologyAndRegionInTheContractSpelling() {
    assertEquals("C16.9", NaaccrCodes.topography("C169"));
    assertEquals("8140/3", NaaccrCodes.morphology("8140", "3"));
    assertEquals("US-CA", NaaccrCodes.region("CA", "USA"));
    assertEquals("CA-ON", NaaccrCodes.region("ON", "CAN"));
    assertNull(NaaccrCodes.region("ZZ", "USA"));
    assertNull(NaaccrCodes.causeOfDeath("0000"));
  }
}
