package org.oncoindicators.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatorTimingTest {

  private static EstimatorTiming.Result run(double seconds) {
    return new EstimatorTiming.Result(seconds, 558, 50_633);
  }

  @Test
  void theMedianOfAnOddNumberOfRunsIsTheMiddleOneWhateverTheirOrder() {
    assertEquals(3.1, EstimatorTiming.medianSeconds(List.of(run(4.3), run(2.9), run(3.1))));
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertEquals(3.0, EstimatorTiming.medianSeconds(List.of(run(4.3), run(2.9), run(3.1), run(2.0))), 1e-12);
  }
}
