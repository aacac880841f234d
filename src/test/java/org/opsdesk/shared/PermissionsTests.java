package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionsTests {

    @Test
    void allowsExactNamesPrefixWildcardsAndEverything() {
        var cashier = Permissions.of("withdrawal:view", "deposit:*");
        assertThat(cashier.allows("withdrawal:view")).isTrue();
        assertThat(cashier.allows("withdrawal:create")).isFalse();
        assertThat(cashier.allows("deposit:transition:credited")).isTrue();
        assertThat(cashier.allows("deposit")).isFalse();
        assertThat(Permissions.all().allows("anything:at:all")).isTrue();
        assertThat(Permissions.none().allows("withdrawal:view")).isFalse();
    }

    @Test
    void aFamilyIsSatisfiedByAnyMemberOrACoveringWildcard() {
        assertThat(Permissions.of("withdrawal:transition:approved").allowsSomethingUnder("withdrawal:transition:*"))
                .isTrue();
        assertThat(Permissions.of("withdrawal:*").allowsSomethingUnder("withdrawal:transition:*"))
                .isTrue();
        assertThat(Permissions.all().allowsSomethingUnder("withdrawal:transition:*"))
                .isTrue();
        assertThat(Permissions.of("withdrawal:view").allowsSomethingUnder("withdrawal:transition:*"))
                .isFalse();
        assertThat(Permissions.of("deposit:transition:credited").allowsSomethingUnder("withdrawal:transition:*"))
                .isFalse();
        assertThat(Permissions.of("withdrawal:view").allowsSomethingUnder("withdrawal:view"))
                .as("a plain name is an exact check")
                .isTrue();
    }

    @Test
    void anIntersectionAllowsExactlyWhatBothAllow() {
        var key = Permissions.of("withdrawal:*", "deposit:view", "clients:view");
        var creator = Permissions.of("withdrawal:transition:*", "withdrawal:view", "deposit:*");
        var both = key.intersect(creator);
        assertThat(both.allows("withdrawal:transition:approved")).isTrue();
        assertThat(both.allows("withdrawal:view")).isTrue();
        assertThat(both.allows("withdrawal:create")).isFalse();
        assertThat(both.allows("deposit:view")).isTrue();
        assertThat(both.allows("deposit:create")).isFalse();
        assertThat(both.allows("clients:view")).isFalse();
        assertThat(Permissions.all().intersect(creator)).isEqualTo(creator);
        assertThat(key.intersect(Permissions.none()).granted()).isEmpty();
    }
}
