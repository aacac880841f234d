package org.opsdesk.notifications.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.shared.InvalidInput;

class DestinationGuardTests {

    private final DestinationGuard guard = new DestinationGuard(false, List.of(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "::1",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.0.1",
                "169.254.169.254",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fd00:ec2::254",
                "0.0.0.0",
                "0.1.2.3",
                "::",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1",
                "255.255.255.255",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "64:ff9b::a00:1",
                "2002:c0a8:101::1",
                "2001:0:4136:e378::1"
            })
    void refusesAddressesThatAreNotPublic(String address) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThatThrownBy(() -> guard.vet("https://" + host + "/hook"))
                .isInstanceOf(DestinationRefused.class)
                .hasMessageContaining("webhooks go to public addresses only");
    }

    @Test
    void namesTheKindOfAddressItRefuses() {
        assertThatThrownBy(() -> guard.vet("https://169.254.169.254/latest/meta-data"))
                .hasMessageContaining("cloud metadata");
        assertThatThrownBy(() -> guard.vet("https://127.0.0.1/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.vet("https://[::ffff:192.168.0.1]/")).hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111"})
    void acceptsPublicAddresses(String address) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        var vetted = guard.vet("https://" + host + ":8443/hooks?x=1");

        assertThat(vetted.port()).isEqualTo(8443);
        assertThat(vetted.addresses()).extracting(InetAddress::getHostAddress).hasSize(1);
    }

    @Test
    void refusesAHostNameResolvingToLoopbackUnlessThatNetworkIsAllowed() throws Exception {
        assertThatThrownBy(() -> guard.vet("https://localhost/hook"))
                .isInstanceOf(DestinationRefused.class)
                .hasMessageContaining("the host 'localhost' resolves to")
                .hasMessageContaining("loopback");

        var allowing = new DestinationGuard(false, List.of("127.0.0.1/32", "::1/128"), InetAddress::getAllByName);
        assertThat(allowing.vet("https://localhost:9443/hook").addresses()).allMatch(InetAddress::isLoopbackAddress);
        assertThatThrownBy(() -> allowing.vet("https://127.0.0.2/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> allowing.vet("https://10.0.0.1/hook")).hasMessageContaining("private");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsNotPublic() {
        var rebinding = new DestinationGuard(
                false, List.of(), fixed(Map.of("hooks.example.com", new String[] {"93.184.215.14", "10.1.2.3"})));

        assertThatThrownBy(() -> rebinding.vet("https://hooks.example.com/x"))
                .hasMessageContaining("resolves to 10.1.2.3, a private address");
    }

    @Test
    void checksTheAddressesAgainWhenTheNameLaterResolvesElsewhere() throws Exception {
        var answers = new java.util.ArrayDeque<String>(List.of("93.184.215.14", "127.0.0.1"));
        var guardWithChangingDns = new DestinationGuard(
                false, List.of(), host -> new InetAddress[] {InetAddress.getByName(answers.poll())});

        var vetted = guardWithChangingDns.vet("https://rebind.example.com/x");
        assertThat(vetted.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThat(vetted.host()).isEqualTo("rebind.example.com");
        // the second answer (loopback), as a new connection would get it, is refused
        assertThatThrownBy(() -> guardWithChangingDns.resolveVetted("rebind.example.com"))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.checkAddress("rebind.example.com", InetAddress.getByName("127.0.0.1")))
                .isInstanceOf(DestinationRefused.class);
    }

    @Test
    void refusesHttpUnlessAllowedAndCredentialsAlways() {
        assertThatThrownBy(() -> guard.vet("http://93.184.215.14/hook")).hasMessageContaining("must use https");
        var allowingHttp = new DestinationGuard(true, List.of(), InetAddress::getAllByName);
        assertThat(allowingHttp.vet("http://93.184.215.14/hook").port()).isEqualTo(80);
        assertThatThrownBy(() -> guard.vet("https://user:pass@93.184.215.14/hook"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> guard.vet("https://user@93.184.215.14/hook")).hasMessageContaining("credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://93.184.215.14/x", "/relative/path", "https:///nohost", "mailto:a@b.c"})
    void refusesWhatIsNotAnHttpsUrl(String url) {
        assertThatThrownBy(() -> guard.vet(url)).isInstanceOf(DestinationRefused.class);
    }

    @Test
    void answersRegistrationsWith422OnTheField() {
        assertThatThrownBy(() -> guard.checkRegistration("url", "https://192.168.0.10/x"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("url")));
        assertThatThrownBy(() -> new DestinationGuard(false, List.of("not-a-network"), InetAddress::getAllByName))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        var nothing = new DestinationGuard(false, List.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> nothing.vet("https://nowhere.invalid/x")).hasMessageContaining("does not resolve");
    }

    private static DestinationGuard.Resolver fixed(Map<String, String[]> table) {
        return host -> {
            String[] literals = table.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            var addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        };
    }
}
