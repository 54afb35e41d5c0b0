package org.marketingworkbench.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.i18n.UserMessage;

class ProgressTest {

    @Test
    void slicesMapTheirRangeIntoTheParentsRange() {
        List<Double> seen = new ArrayList<>();
        Progress p = Progress.to((f, m) -> seen.add(f));
        Progress second = p.slice(0.5, 1.0);
        Progress quarter = second.slice(0.5, 1.0);
        second.report(0.5);
        quarter.report(0.0);
        quarter.report(1.0);
        assertThat(seen).containsExactly(0.75, 0.75, 1.0);
    }

    @Test
    void fractionsAreClampedToTheRange() {
        List<Double> seen = new ArrayList<>();
        Progress p = Progress.to((f, m) -> seen.add(f)).slice(0.2, 0.4);
        p.report(-3);
        p.report(7);
        p.report(Double.NaN);
        assertThat(seen.get(0)).isCloseTo(0.2, within(1e-12));
        assertThat(seen.get(1)).isCloseTo(0.4, within(1e-12));
        assertThat(seen.get(2)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void cancellingTheParentCancelsEverySlice() {
        Progress p = Progress.none();
        Progress child = p.slice(0, 0.5).slice(0.1, 0.2);
        assertThat(child.isCancelled()).isFalse();
        p.cancel();
        assertThat(child.isCancelled()).isTrue();
        assertThatThrownBy(child::throwIfCancelled).isInstanceOf(CancelledException.class);
    }

    @Test
    void messagesReachTheSink() {
        List<UserMessage> seen = new ArrayList<>();
        Progress p = Progress.to((f, m) -> seen.add(m));
        p.report(0.1, UserMessage.of("some.key", 3));
        assertThat(seen).containsExactly(UserMessage.of("some.key", 3));
    }

    @Test
    void aSliceOutsideTheUnitRangeIsRejected() {
        assertThatThrownBy(() -> Progress.none().slice(0.6, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }
}
