package io.quantumgates.common.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, 200.0",
        "0.8, 0.8",
        "2000, 2000.0",
        "2000.50, 2000.5",
        "118994.14, 118994.14",
        "150.00, 150.0",
        "0.412, 0.412",
        "0.02, 0.02",
        "0, 0.0",
        "-2.5, -2.5",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "0.000015, 1.5e-05",
        "1000000000000000, 1000000000000000.0",
        "9999999999999998, 9999999999999998.0",
        "10000000000000000, 1e+16",
        "12345678901234567890, 1.2345678901234567e+19",
        "1e100, 1e+100",
    })
    void printsDecimalsTheWayPythonStrDoes(String decimal, String expected) {
        assertThat(PyFloat.format(new BigDecimal(decimal))).isEqualTo(expected);
    }

    @Test
    void printsTheShortestRepresentationThatReadsBack() {
        assertThat(PyFloat.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyFloat.format(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PyFloat.format(1e23)).isEqualTo("1e+23");
        assertThat(PyFloat.format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PyFloat.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void printsSpecialValuesLikePython() {
        assertThat(PyFloat.format(-0.0)).isEqualTo("-0.0");
        assertThat(PyFloat.format(Double.NaN)).isEqualTo("nan");
        assertThat(PyFloat.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyFloat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
