package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void roundsTheBinaryValueHalfEvenAsPythonFormatDoes() {
        assertThat(Fmt.money(0.125)).isEqualTo("0.12");
        assertThat(Fmt.money(0.375)).isEqualTo("0.38");
        assertThat(Fmt.money(1.005)).isEqualTo("1.00");
        assertThat(Fmt.money(2.675)).isEqualTo("2.67");
        assertThat(Fmt.money(118994.14)).isEqualTo("118994.14");
        assertThat(Fmt.money(0)).isEqualTo("0.00");
        assertThat(Fmt.fixed(48.75, 1)).isEqualTo("48.8");
        assertThat(Fmt.fixed(0.412, 3)).isEqualTo("0.412");
        assertThat(Fmt.fixed(0.0, 4)).isEqualTo("0.0000");
    }

    @Test
    void epochSecondsKeepThreeDecimals() {
        assertThat(Fmt.epochSeconds(1769471881204L)).isEqualTo("1769471881.204");
        assertThat(Fmt.epochSeconds(1769471894010L)).isEqualTo("1769471894.010");
        assertThat(Fmt.epochSeconds(1769471894000L)).isEqualTo("1769471894.000");
    }
}
