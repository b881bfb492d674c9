package app.avatarcall.telegram.alert;

import app.avatarcall.avatar.AvatarProviderRecovered;
import app.avatarcall.avatar.AvatarProviderWentDown;
import app.avatarcall.call.CallEnded;
import app.avatarcall.call.CallState;
import app.avatarcall.telegram.OnBot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the operators are told about: the avatar provider going down and coming back, and calls that failed. */
@Component
@OnBot
class AlertListeners {

    private final AdminAlerts alerts;

    AlertListeners(AdminAlerts alerts) {
        this.alerts = alerts;
    }

    @EventListener
    void on(AvatarProviderWentDown down) {
        alerts.alert("provider-down:" + down.provider(), alerts.text("alert.provider.down", down.provider(),
                "%.0f%% of recent attempts failed".formatted(down.failureRate()),
                down.fallsBackToDemo() ? alerts.text("alert.provider.down.fallback") : ""));
    }

    @EventListener
    void on(AvatarProviderRecovered recovered) {
        alerts.alert("provider-recovered:" + recovered.provider(), alerts.text("alert.provider.recovered",
                recovered.provider()));
    }

    @EventListener
    void on(CallEnded ended) {
        if (ended.outcome() == CallState.FAILED) {
            alerts.alert("call-failed", alerts.text("alert.call.failed", ended.avatarId(), ended.reason(),
                    ended.provider()));
        }
    }
}
