package org.oncoindicators.synth;

/** Pseudonymous keys (P0000001, T0000001, CL000000001): sequence numbers, never derived from a person. */
final class Pseudonyms {
  private Pseudonyms() {}

  static String patient(long n) {
    return padded("P", n, 7);
  }

  static String tumour(long n) {
    return padded("T", n, 7);
  }

  static String claim(long n) {
    return padded("CL", n, 9);
  }

  private static String padded(String prefix, long n, int width) {
    String digits = Long.toString(n);
    StringBuilder out = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }
}
