package app.avatarcall.avatar;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a provider offers operators to choose from (the admin console lists it). */
public record AvatarCatalog(List<Face> faces, List<Voice> voices, List<Context> contexts) {

    public static final AvatarCatalog EMPTY = new AvatarCatalog(List.of(), List.of(), List.of());

    public AvatarCatalog {
        faces = List.copyOf(faces);
        voices = List.copyOf(voices);
        contexts = List.copyOf(contexts);
    }

    public record Face(String id, String name, @Nullable String previewUrl) {
    }

    public record Voice(String id, String name, String language, String gender) {
    }

    /** A provider-side knowledge base and persona prompt (LiveAvatar calls it a context). */
    public record Context(String id, String name) {
    }
}
