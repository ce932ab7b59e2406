package app.go.domain.seller;

import java.util.List;

/** PA-SRC-1: the public profile the assistant may answer from. No personal account data lives here. */
public record SellerProfile(String displayName, String description, List<String> skills, List<String> languages) {
    public SellerProfile {
        skills = skills == null ? List.of() : List.copyOf(skills);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
