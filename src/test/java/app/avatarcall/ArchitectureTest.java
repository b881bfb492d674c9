package app.avatarcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of AGENTS.md, checked: features depend inward, vendors stay behind the SPI, views stay thin. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.avatarcall");

    @Test
    void nothing_outside_a_vendor_package_depends_on_a_vendor() {
        for (String vendor : new String[] {"app.avatarcall.avatar.demo..", "app.avatarcall.avatar.liveavatar..",
                "app.avatarcall.avatar.heygen..", "app.avatarcall.voice.openai..", "app.avatarcall.telegram.fake.."}) {
            noClasses().that().resideOutsideOfPackage(vendor)
                    .should().dependOnClassesThat().resideInAPackage(vendor)
                    .check(APP);
        }
    }

    @Test
    void talk_mode_knows_the_language_model_only_as_a_responder() {
        noClasses().that().resideOutsideOfPackage("app.avatarcall.conversation.llm..")
                .should().dependOnClassesThat().resideInAPackage("app.avatarcall.conversation.llm..")
                .check(APP);
        noClasses().that().resideOutsideOfPackage("app.avatarcall.conversation.llm.fake..")
                .should().dependOnClassesThat().resideInAPackage("app.avatarcall.conversation.llm.fake..")
                .check(APP);
    }

    @Test
    void no_feature_depends_on_another_features_views() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(APP);
    }

    @Test
    void the_avatar_spi_depends_on_no_other_feature() {
        noClasses().that().resideInAPackage("app.avatarcall.avatar..")
                .should().dependOnClassesThat().resideInAnyPackage("app.avatarcall.call..", "app.avatarcall.conversation..")
                .check(APP);
    }

    @Test
    void the_speech_to_text_spi_depends_on_no_other_feature() {
        noClasses().that().resideInAPackage("app.avatarcall.voice..")
                .should().dependOnClassesThat().resideInAnyPackage("app.avatarcall.call..",
                        "app.avatarcall.conversation..", "app.avatarcall.avatar..")
                .check(APP);
    }

    @Test
    void only_the_telegram_feature_talks_to_telegram_and_its_scheduler() {
        noClasses().that().resideOutsideOfPackage("app.avatarcall.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "com.github.kagkarlsson..")
                .check(APP);
    }

    @Test
    void only_views_use_vaadin_components() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(APP);
    }

    @Test
    void every_console_view_is_for_admins_only_but_the_way_in() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .and().areNotAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .check(APP);
        classes().that().areAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .should().haveSimpleNameEndingWith("LoginView").orShould().haveSimpleNameEndingWith("SetupView")
                .orShould().haveSimpleName("CallView")
                .check(APP);
    }

    @Test
    void every_package_declares_its_null_safety() {
        classes().that().haveSimpleName("package-info")
                .should().beAnnotatedWith(org.jspecify.annotations.NullMarked.class)
                .allowEmptyShould(false)
                .check(APP);
    }
}
