package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.governor.policy.PlanClass.Basis;
import org.junit.jupiter.api.Test;

class PlanClassTest {
    @Test
    void closeActionsAreCloseClassInAnyCaseAndSpacing() {
        for (String a : new String[] {"FULL_CLOSE_PROPOSED", "full_close", " PARTIAL_75 ", "Partial_50", "PARTIAL_25",
                "MANUAL_CLOSE"}) {
            assertThat(PlanClass.classify(a, null, null)).isEqualTo(new PlanClass.Classification(PlanClass.CLOSE, Basis.ACTION));
        }
    }

    @Test
    void reduceOnlyTrueOrOneMakesAnyPlanCloseClass() {
        assertThat(PlanClass.classify(null, "true", "BUY").basis()).isEqualTo(Basis.REDUCE_ONLY);
        assertThat(PlanClass.classify("", "TRUE", null).planClass()).isEqualTo(PlanClass.CLOSE);
        assertThat(PlanClass.classify("UPDATE_SL", "1", null).planClass()).isEqualTo(PlanClass.CLOSE);
        assertThat(PlanClass.classify(null, "false", "BUY").planClass()).isEqualTo(PlanClass.OPEN);
        assertThat(PlanClass.classify(null, "0", "BUY").planClass()).isEqualTo(PlanClass.OPEN);
    }

    @Test
    void sideCloseMakesAPlanCloseClass() {
        assertThat(PlanClass.classify(null, null, "CLOSE")).isEqualTo(new PlanClass.Classification(PlanClass.CLOSE, Basis.SIDE));
    }

    @Test
    void everythingElseIsOpenClass() {
        for (String a : new String[] {null, "", "UNKNOWN", "UPDATE_SL", "HOLD", "FULL_CLOSEX", "OPEN_LONG"}) {
            assertThat(PlanClass.classify(a, null, "BUY").planClass()).isEqualTo(PlanClass.OPEN);
        }
    }
}
