package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Who answers in Talk mode: the configured language model, or else the built-in knowledge base. */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    @Primary
    Responder responder(LlmProperties properties, KnowledgeBaseResponder knowledge) {
        if (!properties.configured()) {
            log.info("no language model configured (LLM_BASE_URL, LLM_MODEL): the built-in responder answers");
            return knowledge;
        }
        log.info("Talk mode answers through {} at {}", properties.model(), properties.baseUrl());
        return new LlmResponder(new ChatCompletionsClient(properties), new Prompt(properties, knowledge),
                properties.answerForAllAvatars());
    }
}
