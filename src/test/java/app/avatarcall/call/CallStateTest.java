package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CallStateTest {

    @Test
    void a_call_rings_then_connects_then_goes_live() {
        assertThat(CallState.RINGING.canMoveTo(CallState.CONNECTING)).isTrue();
        assertThat(CallState.CONNECTING.canMoveTo(CallState.ACTIVE)).isTrue();
        assertThat(CallState.ACTIVE.canMoveTo(CallState.ENDED)).isTrue();
    }

    @Test
    void only_a_ringing_call_can_be_declined_or_missed() {
        for (CallState state : CallState.values()) {
            boolean ringing = state == CallState.RINGING;
            assertThat(state.canMoveTo(CallState.DECLINED)).as(state.name()).isEqualTo(ringing);
            assertThat(state.canMoveTo(CallState.MISSED)).as(state.name()).isEqualTo(ringing);
        }
    }

    @Test
    void a_call_never_goes_back() {
        assertThat(CallState.ACTIVE.canMoveTo(CallState.CONNECTING)).isFalse();
        assertThat(CallState.CONNECTING.canMoveTo(CallState.RINGING)).isFalse();
        assertThat(CallState.ACTIVE.canMoveTo(CallState.ACTIVE)).isFalse();
    }

    @Test
    void an_end_is_final() {
        for (CallState end : EnumSet.of(CallState.ENDED, CallState.DECLINED, CallState.MISSED, CallState.FAILED)) {
            assertThat(end.isOver()).isTrue();
            for (CallState next : CallState.values()) {
                assertThat(end.canMoveTo(next)).as(end + " -> " + next).isFalse();
            }
        }
    }
}
