package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyFloatTest {
    @Test
    void printsLikePythonStrFloat() {
        assertThat(PyFloat.format(200)).isEqualTo("200.0");
        assertThat(PyFloat.format(0.8)).isEqualTo("0.8");
        assertThat(PyFloat.format(118844.14)).isEqualTo("118844.14");
        assertThat(PyFloat.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyFloat.format(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PyFloat.format(-0.5)).isEqualTo("-0.5");
        assertThat(PyFloat.format(0.0)).isEqualTo("0.0");
        assertThat(PyFloat.format(0.002 * 87000.1)).isEqualTo("174.0002");
    }

    @Test
    void switchesToExponentLikePythonOutsideTheFixedRange() {
        assertThat(PyFloat.format(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyFloat.format(1e16)).isEqualTo("1e+16");
        assertThat(PyFloat.format(1.2345678901234568e17)).isEqualTo("1.2345678901234568e+17");
        assertThat(PyFloat.format(0.0001)).isEqualTo("0.0001");
        assertThat(PyFloat.format(0.00012)).isEqualTo("0.00012");
        assertThat(PyFloat.format(2.5e-05)).isEqualTo("2.5e-05");
        assertThat(PyFloat.format(5e-324)).isEqualTo("5e-324");
        assertThat(PyFloat.format(1e100)).isEqualTo("1e+100");
    }

    @Test
    void picksTheShortestDigitsWhereJava17DoesNot() {
        assertThat(PyFloat.format(2.0E-3)).isEqualTo("0.002");
        assertThat(PyFloat.format(1.0E23)).isEqualTo("1e+23");
        assertThat(PyFloat.format(9.007199254740993E15)).isEqualTo("9007199254740992.0");
    }
}
