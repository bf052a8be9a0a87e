package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KillSwitchTest {
    @Test
    void oneTrueOnInAnyCaseAreActive() {
        for (String v : new String[] {"1", "true", "TRUE", " on ", "On"}) {
            assertThat(KillSwitch.parse(Optional.of(v))).isEqualTo(KillSwitch.ACTIVE);
        }
    }

    @Test
    void zeroFalseOffEmptyOrAbsentAreInactive() {
        for (String v : new String[] {"0", "false", "OFF", "", "  "}) {
            assertThat(KillSwitch.parse(Optional.of(v))).isEqualTo(KillSwitch.INACTIVE);
        }
        assertThat(KillSwitch.parse(Optional.empty())).isEqualTo(KillSwitch.INACTIVE);
    }

    @Test
    void anythingElseIsUnreadable() {
        for (String v : new String[] {"yes", "2", "enabled", "1 1"}) {
            assertThat(KillSwitch.parse(Optional.of(v))).isEqualTo(KillSwitch.UNREADABLE);
        }
        assertThat(KillSwitch.UNREADABLE.gaugeValue()).isEqualTo(-1);
    }
}
