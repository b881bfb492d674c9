package app.avatarcall.avatar.demo;

import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import org.springframework.stereotype.Component;

@Component
class DemoAvatarProvider implements AvatarProvider {

    @Override
    public String id() {
        return "demo";
    }

    @Override
    public AvatarSession open(AvatarSpec spec) {
        return new DemoAvatarSession(spec);
    }
}
