package org.oncoindicators.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java lists of column names as the Scala sequences some Dataset methods (joins on columns) take. */
public final class Seqs {
  private Seqs() {}

  public static Seq<String> of(String... names) {
    return of(List.of(names));
  }

  public static Seq<String> of(List<String> names) {
    return CollectionConverters.asScala(names).toList();
  }
}
