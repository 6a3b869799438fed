package org.oncoindicators.flows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which care network each centre belongs to, from where patients were first seen and where they
 * were first treated (claims), unless the centre's network is declared. A centre that treats at
 * least as many patients as it refers away is a hub: the root of its own network. A centre that
 * refers more than it treats is a spoke of the hub its referrals go to most (ties: the smaller
 * centre id), when that is at least {@code minReferrals} patients; otherwise it stays on its own
 * ({@code unlinked}). Pure: works on the small centre-by-centre referral counts.
 */
public final class NetworkMembership {
  public static final String UNLINKED = "unlinked";
  public static final String CLAIMS = "claims";
  public static final String DECLARED = "declared";

  /**
   * A centre's place: its network (named by the network's hub, or as declared), its role, how
   * that was found, the patients it treated, referred away, and referred to its network's hub.
   */
  public record Member(String networkId, String centerId, String role, String basis, long treated,
                       long referredOut, long referredToHub) {}

  /** Patients first seen at {@code from} and first treated at {@code to}. */
  public record Referral(String from, String to, long patients) {}

  private NetworkMembership() {}

  public static List<Member> assign(List<Referral> paths, List<DeclaredNetworks.Member> declared, int minReferrals) {
    Map<String, Long> treated = new HashMap<>();
    Map<String, Long> referredOut = new HashMap<>();
    Map<String, Map<String, Long>> referrals = new HashMap<>();
    TreeSet<String> centres = new TreeSet<>();
    for (Referral r : paths) {
      centres.add(r.from());
      centres.add(r.to());
      treated.merge(r.to(), r.patients(), Long::sum);
      if (!r.from().equals(r.to())) {
        referredOut.merge(r.from(), r.patients(), Long::sum);
        referrals.computeIfAbsent(r.from(), k -> new HashMap<>()).merge(r.to(), r.patients(), Long::sum);
      }
    }
    Map<String, DeclaredNetworks.Member> declaredByCentre = new HashMap<>();
    Map<String, String> networkOfHub = new HashMap<>();
    for (DeclaredNetworks.Member m : declared) {
      declaredByCentre.put(m.centerId(), m);
      centres.add(m.centerId());
      if (DeclaredNetworks.HUB.equals(m.role())) {
        networkOfHub.put(m.centerId(), m.networkId());
      }
    }
    for (String c : centres) {
      long t = treated.getOrDefault(c, 0L);
      if (!declaredByCentre.containsKey(c) && t > 0 && t >= referredOut.getOrDefault(c, 0L)) {
        networkOfHub.put(c, c);
      }
    }
    Map<String, Member> out = new TreeMap<>();
    for (String c : centres) {
      long t = treated.getOrDefault(c, 0L);
      long away = referredOut.getOrDefault(c, 0L);
      Map<String, Long> to = referrals.getOrDefault(c, Map.of());
      DeclaredNetworks.Member d = declaredByCentre.get(c);
      if (d != null) {
        String hub = hubOf(d.networkId(), declared);
        out.put(c, new Member(d.networkId(), c, d.role(), DECLARED, t, away, to.getOrDefault(hub, 0L)));
      } else if (networkOfHub.containsKey(c)) {
        out.put(c, new Member(networkOfHub.get(c), c, DeclaredNetworks.HUB, CLAIMS, t, away, 0));
      } else {
        Map.Entry<String, Long> best = to.entrySet().stream().filter(e -> networkOfHub.containsKey(e.getKey()))
            .max(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .orElse(null);
        if (best != null && best.getValue() >= minReferrals) {
          out.put(c, new Member(networkOfHub.get(best.getKey()), c, DeclaredNetworks.SPOKE, CLAIMS, t, away,
              best.getValue()));
        } else {
          out.put(c, new Member(c, c, UNLINKED, CLAIMS, t, away, 0));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String hubOf(String network, List<DeclaredNetworks.Member> declared) {
    return declared.stream().filter(m -> m.networkId().equals(network) && DeclaredNetworks.HUB.equals(m.role()))
        .map(DeclaredNetworks.Member::centerId).findFirst().orElseThrow();
  }

  /** Centre id → network id. */
  public static Map<String, String> networkOf(List<Member> members) {
    Map<String, String> out = new HashMap<>();
    members.forEach(m -> out.put(m.centerId(), m.networkId()));
    return out;
  }
}
