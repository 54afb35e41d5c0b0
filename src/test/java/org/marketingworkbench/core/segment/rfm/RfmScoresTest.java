package org.marketingworkbench.core.segment.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

    @Test
    void tenDistinctValuesGiveTwoCustomersPerScore() {
        assertThat(RfmStep.scores(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}))
                .containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    @Test
    void tiedValuesShareTheScoreOfTheirAverageRank() {
        // n = 7: rank 1 → ⌈5·0.5/7⌉ = 1; the three 2s hold ranks 2..4 (average 3 → ⌈5·2.5/7⌉ = 2);
        // rank 5 → ⌈3.2⌉ = 4; rank 6 → ⌈3.9⌉ = 4; rank 7 → ⌈4.6⌉ = 5
        assertThat(RfmStep.scores(new double[] {1, 2, 2, 2, 5, 6, 7})).containsExactly(1, 2, 2, 2, 4, 4, 5);
        // most customers bought once: they all share one middling score, and score 1 stays empty
        assertThat(RfmStep.scores(new double[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5})).containsExactly(2, 2, 2, 2, 2, 2, 4, 4, 5, 5);
        // everyone tied: all in the middle
        assertThat(RfmStep.scores(new double[] {3, 3, 3})).containsExactly(3, 3, 3);
        assertThat(RfmStep.scores(new double[] {3, 3, 3, 3})).containsExactly(3, 3, 3, 3);
    }

    @Test
    void aLoneCustomerIsInTheMiddleAndNoCustomersGiveNoScores() {
        assertThat(RfmStep.scores(new double[] {42})).containsExactly(3);
        assertThat(RfmStep.scores(new double[0])).isEmpty();
    }

    @Test
    void theFmScoreIsTheAverageRoundedHalfUp() {
        assertThat(RfmSegment.fm(1, 1)).isEqualTo(1);
        assertThat(RfmSegment.fm(1, 2)).isEqualTo(2);
        assertThat(RfmSegment.fm(3, 4)).isEqualTo(4);
        assertThat(RfmSegment.fm(5, 4)).isEqualTo(5);
        assertThat(RfmSegment.fm(5, 1)).isEqualTo(3);
    }

    @Test
    void theGridHasEveryOneOfTheElevenSegments() {
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                seen.add(RfmSegment.of(r, fm));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(RfmSegment.values());
        assertThat(RfmSegment.values()).hasSize(11);
    }

    @Test
    void theGridFollowsTheClassicMap() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(5, 4)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(4, 5)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(3, 4)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(5, 2)).isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
        assertThat(RfmSegment.of(4, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegment.of(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmSegment.of(3, 1)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(RfmSegment.of(3, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(RfmSegment.of(2, 3)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 4)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANT_LOSE_THEM);
        assertThat(RfmSegment.of(2, 5)).isEqualTo(RfmSegment.CANT_LOSE_THEM);
        assertThat(RfmSegment.of(2, 2)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(1, 2)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(2, 1)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.LOST);
        assertThatThrownBy(() -> RfmSegment.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySegmentHasANameAndAdviceInBothLanguages() {
        for (RfmSegment s : RfmSegment.values()) {
            for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE}) {
                var bundle = org.marketingworkbench.core.i18n.UserMessage.bundle(l);
                assertThat(bundle.containsKey(s.labelKey())).as(s.labelKey() + " " + l).isTrue();
                assertThat(bundle.containsKey(s.adviceKey())).as(s.adviceKey() + " " + l).isTrue();
            }
            assertThat(RfmSegment.fromId(s.id())).contains(s);
        }
        assertThat(org.marketingworkbench.core.i18n.UserMessage.of(RfmSegment.CANT_LOSE_THEM.labelKey())
                .format(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("不能失去");
    }
}
