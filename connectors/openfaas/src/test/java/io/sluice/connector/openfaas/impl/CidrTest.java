package io.sluice.connector.openfaas.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CidrTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void matchesAddressesInsideThePrefixOnly() throws UnknownHostException {
        Cidr linkLocal = Cidr.parse("169.254.0.0/16");
        Cidr odd = Cidr.parse("10.1.2.128/25");

        assertThat(linkLocal.contains(ip("169.254.169.254"))).isTrue();
        assertThat(linkLocal.contains(ip("169.253.1.1"))).isFalse();
        assertThat(odd.contains(ip("10.1.2.200"))).isTrue();
        assertThat(odd.contains(ip("10.1.2.100"))).isFalse();
    }

    @Test
    void handlesIpv6AndBareAddressesAndNeverMixesFamilies() throws UnknownHostException {
        assertThat(Cidr.parse("fe80::/10").contains(ip("fe80::1"))).isTrue();
        assertThat(Cidr.parse("::1").contains(ip("::1"))).isTrue();
        assertThat(Cidr.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void rejectsWhatIsNotANetworkNamingIt() {
        assertThatThrownBy(() -> Cidr.parse("intranet.local/8")).hasMessageContaining("'intranet.local/8'");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length outside 0..32");
    }
}
