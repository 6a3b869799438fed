package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Networks found from referral counts whose answer is known, and declared networks taking precedence. */
class NetworkMembershipTest {
  private static final List<NetworkMembership.Referral> PATHS = List.of(
      new NetworkMembership.Referral("H1", "H1", 100), new NetworkMembership.Referral("H2", "H2", 50),
      new NetworkMembership.Referral("H1", "H2", 3),
      new NetworkMembership.Referral("S1", "H1", 15), new NetworkMembership.Referral("S1", "H2", 5),
      new NetworkMembership.Referral("S1", "S1", 2),
      new NetworkMembership.Referral("S2", "H2", 4), new NetworkMembership.Referral("S3", "H1", 12),
      new NetworkMembership.Referral("S4", "H1", 11), new NetworkMembership.Referral("S4", "H2", 11));

  private static Map<String, NetworkMembership.Member> byCentre(List<NetworkMembership.Member> members) {
    return members.stream().collect(Collectors.toMap(NetworkMembership.Member::centerId, Function.identity()));
  }

  @Test
  void centresThatReferMoreThanTheyTreatJoinTheHubTheirReferralsGoToMost() {
    Map<String, NetworkMembership.Member> m = byCentre(NetworkMembership.assign(PATHS, List.of(), 10));
    assertEquals(new NetworkMembership.Member("H1", "H1", "hub", "claims", 100 + 15 + 12 + 11, 3, 0), m.get("H1"));
    assertEquals(new NetworkMembership.Member("H2", "H2", "hub", "claims", 50 + 3 + 5 + 4 + 11, 0, 0), m.get("H2"));
    assertEquals(new NetworkMembership.Member("H1", "S1", "spoke", "claims", 2, 20, 15), m.get("S1"));
    assertEquals(new NetworkMembership.Member("S2", "S2", "unlinked", "claims", 0, 4, 0), m.get("S2"),
        "4 referrals are below min-referrals");
    assertEquals("H1", m.get("S3").networkId());
    assertEquals("H1", m.get("S4").networkId(), "a tie goes to the smaller centre id");
    assertEquals(6, m.size());
  }

  @Test
  void declaredNetworksOverrideClaims() {
    List<DeclaredNetworks.Member> declared = List.of(new DeclaredNetworks.Member("NET-SOUTH", "H2", "hub"),
        new DeclaredNetworks.Member("NET-SOUTH", "S1", "spoke"), new DeclaredNetworks.Member("NET-SOUTH", "X9", "spoke"));
    Map<String, NetworkMembership.Member> m = byCentre(NetworkMembership.assign(PATHS, declared, 10));
    assertEquals(new NetworkMembership.Member("NET-SOUTH", "S1", "spoke", "declared", 2, 20, 5), m.get("S1"));
    assertEquals(new NetworkMembership.Member("NET-SOUTH", "H2", "hub", "declared", 73, 0, 0), m.get("H2"));
    assertEquals("NET-SOUTH", m.get("X9").networkId(), "a declared centre without claims is still a member");
    assertEquals("H1", m.get("S3").networkId());
    assertEquals("H1", m.get("S4").networkId(), "H2 now heads NET-SOUTH; S4's tie still goes to H1");
  }
}
