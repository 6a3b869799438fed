package org.oncoindicators.flows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * Care networks a payer or ministry has declared (a CSV of {@code network_id, center_id, role}):
 * each network has exactly one hub, and a centre belongs to one network at most. Read and checked
 * at start-up, so a typo stops the run before Spark starts, naming the file and line.
 */
public final class DeclaredNetworks {
  public static final String HUB = "hub";
  public static final String SPOKE = "spoke";

  /** A declared member of a network. */
  public record Member(String networkId, String centerId, String role) {}

  private DeclaredNetworks() {}

  public static List<Member> load(Path file) {
    List<Member> members = new ArrayList<>();
    Map<String, String> hubOf = new HashMap<>();
    Map<String, String> networkOf = new HashMap<>();
    int[] line = {1};
    ReferenceTable.forEachRecord(file, "declared care networks (columns network_id, center_id, role)", r -> {
      line[0]++;
      String network = r.getString("network_id");
      String centre = r.getString("center_id");
      String role = r.getString("role");
      String where = file + " line " + line[0] + ": ";
      if (network == null || centre == null || !(HUB.equals(role) || SPOKE.equals(role))) {
        throw new ConfigError(where + "give network_id, center_id and role = hub or spoke");
      }
      if (networkOf.containsKey(centre)) {
        throw new ConfigError(where + "centre " + centre + " is already in network " + networkOf.get(centre)
            + ": a centre belongs to one network");
      }
      if (HUB.equals(role) && hubOf.containsKey(network)) {
        throw new ConfigError(where + "network " + network + " already has hub " + hubOf.get(network)
            + ": declare one hub per network");
      }
      networkOf.put(centre, network);
      if (HUB.equals(role)) {
        hubOf.put(network, centre);
      }
      members.add(new Member(network, centre, role));
    });
    for (Member m : members) {
      if (!hubOf.containsKey(m.networkId())) {
        throw new ConfigError(file + ": network " + m.networkId() + " has no hub: add a row with role = hub");
      }
    }
    return List.copyOf(members);
  }
}
