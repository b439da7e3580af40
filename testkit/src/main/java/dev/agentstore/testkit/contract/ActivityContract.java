package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.spi.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daily activity per agent and per user: the rollup's counts, idempotence, reads, erasure and isolation. */
public abstract class ActivityContract extends StoreContract {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant MORNING = Instant.parse("2026-03-10T09:00:00Z");

    private UUID ann;
    private UUID bob;
    private UUID agent;
    private ChatSession annSession;
    private Conversation annWithAgent;
    private Conversation bobWithAgent;
    private Conversation annAlone;
    private Conversation yesterdays;

    /**
     * Ann talks to the agent in a session and alone; Bob talks to the agent; a conversation of the day before goes
     * on today; the next day brings more messages that must not count.
     */
    @BeforeEach
    void seedTheDay() {
        ConversationRepository chats = store.conversations();
        clock.set(Instant.parse("2026-03-09T20:00:00Z"));
        ann = chats.upsertUser(NewUser.of("web", "ann")).id();
        bob = chats.upsertUser(NewUser.of("web", "bob")).id();
        agent = store.agents()
                .define(AgentSpec.builder(ann, "helper", "priced").build())
                .id();
        store.models()
                .register(ModelSpec.builder("priced", ModelFormat.API)
                        .pricing(ModelPricing.usd("1.0", "2.0"))
                        .build());
        yesterdays = chats.createConversation(NewConversation.forUser(bob).underAgent(agent));
        chats.append(yesterdays.id(), NewMessage.user("evening", 1));

        clock.set(MORNING);
        annSession = chats.startSession(ann, Map.of());
        annWithAgent = chats.createConversation(
                NewConversation.forUser(ann).underAgent(agent).inSession(annSession.id()));
        bobWithAgent = chats.createConversation(NewConversation.forUser(bob).underAgent(agent));
        annAlone = chats.createConversation(NewConversation.forUser(ann));
        chats.appendAll(annWithAgent.id(), List.of(NewMessage.user("hi", 5), NewMessage.assistant("hello", 7)), "k1");
        chats.append(bobWithAgent.id(), NewMessage.user("hey", 3));
        chats.appendAll(annAlone.id(), List.of(NewMessage.user("note", 2), NewMessage.assistant("ok", 4)), "k2");
        chats.append(yesterdays.id(), NewMessage.assistant("good morning", 6));
        metrics()
                .recordLlmBatch(List.of(
                        request(MORNING.plusSeconds(1), annWithAgent.id(), 1_000, 500),
                        request(MORNING.plusSeconds(2), annAlone.id(), 10, 10),
                        request(MORNING.plusSeconds(3), null, 99, 99)));
        store.feedback().give(NewFeedback.onConversation(ann, annWithAgent.id(), 4));
        store.feedback().give(NewFeedback.onConversation(bob, bobWithAgent.id(), 2));

        clock.set(Instant.parse("2026-03-11T08:00:00Z"));
        chats.append(annWithAgent.id(), NewMessage.user("next day", 100));
        metrics().recordLlm(request(Instant.parse("2026-03-11T08:00:01Z"), annWithAgent.id(), 5, 5));
        clock.set(Instant.parse("2026-03-12T00:00:00Z"));
    }

    private MetricsRepository metrics() {
        return store.metrics();
    }

    private static LlmRequestMetric request(Instant at, UUID conversation, int prompt, int completion) {
        return LlmRequestMetric.success(Ids.newId(), at, "priced", prompt, completion, 100)
                .inSession(null, conversation);
    }

    @Test
    void should_count_a_days_activity_per_agent() {
        List<DailyActivity> rows = metrics().rollupActivity(DAY);

        List<DailyActivity> agents = rows.stream()
                .filter(r -> r.dimension() == ActivityDimension.AGENT)
                .toList();
        assertThat(agents).extracting(DailyActivity::subjectId).containsExactly(null, agent);
        DailyActivity none = agents.get(0);
        assertThat(List.of(none.activeConversations(), none.newConversations(), none.sessions(), none.messages()))
                .containsExactly(1L, 1L, 0L, 2L);
        assertThat(List.of(none.userMessages(), none.assistantMessages(), none.messageTokens(), none.activeUsers()))
                .containsExactly(1L, 1L, 6L, 1L);
        assertThat(List.of(none.llmRequests(), none.llmTokens(), none.ratings()))
                .containsExactly(1L, 20L, 0L);
        assertThat(none.cost("USD")).isEqualByComparingTo("0.030");
        assertThat(none.averageRating()).isNull();

        DailyActivity helper = agents.get(1);
        assertThat(helper.day()).isEqualTo(DAY);
        assertThat(List.of(helper.activeConversations(), helper.newConversations(), helper.sessions()))
                .as("three conversations had messages, two were new, one had a session")
                .containsExactly(3L, 2L, 1L);
        assertThat(List.of(helper.messages(), helper.userMessages(), helper.assistantMessages()))
                .containsExactly(4L, 2L, 2L);
        assertThat(List.of(helper.messageTokens(), helper.activeUsers())).containsExactly(21L, 2L);
        assertThat(List.of(helper.llmRequests(), helper.llmTokens())).containsExactly(1L, 1_500L);
        assertThat(helper.costByCurrency()).containsOnlyKeys("USD");
        assertThat(helper.cost("USD")).isEqualByComparingTo(new BigDecimal("2.000"));
        assertThat(helper.ratings()).isEqualTo(2);
        assertThat(helper.averageRating()).isEqualTo(3.0);
    }

    @Test
    void should_count_a_days_activity_per_user() {
        List<DailyActivity> users = metrics().rollupActivity(DAY).stream()
                .filter(r -> r.dimension() == ActivityDimension.USER)
                .toList();

        assertThat(users).extracting(DailyActivity::subjectId).containsExactlyInAnyOrder(ann, bob);
        assertThat(users)
                .extracting(DailyActivity::subjectId)
                .isSortedAccordingTo((a, b) -> a.toString().compareTo(b.toString()));
        DailyActivity annsDay = users.stream()
                .filter(r -> ann.equals(r.subjectId()))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(annsDay.activeConversations(), annsDay.newConversations(), annsDay.sessions()))
                .containsExactly(2L, 2L, 1L);
        assertThat(List.of(annsDay.messages(), annsDay.messageTokens(), annsDay.activeUsers()))
                .containsExactly(4L, 18L, 1L);
        assertThat(List.of(annsDay.llmRequests(), annsDay.llmTokens(), annsDay.ratings()))
                .containsExactly(2L, 1_520L, 1L);
        assertThat(annsDay.cost("USD")).isEqualByComparingTo("2.030");
        DailyActivity bobsDay = users.stream()
                .filter(r -> bob.equals(r.subjectId()))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(bobsDay.activeConversations(), bobsDay.newConversations(), bobsDay.messages()))
                .containsExactly(2L, 1L, 2L);
        assertThat(bobsDay.activeUsers())
                .as("Bob's message of the day; the morning reply was the agent's")
                .isEqualTo(1);
        assertThat(bobsDay.averageRating()).isEqualTo(2.0);
    }

    @Test
    void should_recompute_a_day_idempotently_and_read_it_back_without_the_raw_rows() {
        List<DailyActivity> first = metrics().rollupActivity(DAY);
        assertThat(metrics().rollupActivity(DAY)).isEqualTo(first);

        clock.set(MORNING.plusSeconds(3_600));
        store.conversations().append(bobWithAgent.id(), NewMessage.user("one more", 10));
        clock.set(Instant.parse("2026-03-12T00:00:00Z"));
        List<DailyActivity> again = metrics().rollupActivity(DAY);

        assertThat(again).hasSameSizeAs(first);
        assertThat(metrics().activity(ActivityDimension.AGENT, DAY, DAY))
                .isEqualTo(again.stream()
                        .filter(r -> r.dimension() == ActivityDimension.AGENT)
                        .toList());
        assertThat(metrics().activityOf(ActivityDimension.AGENT, agent, DAY.minusDays(5), DAY.plusDays(5)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.messages()).isEqualTo(5);
                    assertThat(r.messageTokens()).isEqualTo(31);
                });
        assertThat(metrics().activity(ActivityDimension.USER, DAY.plusDays(1), DAY.plusDays(2)))
                .isEmpty();

        metrics().rollupActivity(DAY.plusDays(1));
        assertThat(metrics().activityOf(ActivityDimension.USER, ann, DAY, DAY.plusDays(1)))
                .extracting(DailyActivity::day, DailyActivity::messages, DailyActivity::llmRequests)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DAY, 4L, 2L),
                        org.assertj.core.groups.Tuple.tuple(DAY.plusDays(1), 1L, 1L));
    }

    @Test
    void should_forget_an_erased_users_rows_and_keep_tenants_apart() {
        metrics().rollupActivity(DAY);
        MetricsRepository other = otherTenant().metrics();
        other.rollupActivity(DAY);

        assertThat(other.activity(ActivityDimension.AGENT, DAY, DAY)).isEmpty();
        assertThat(other.activityOf(ActivityDimension.USER, ann, DAY, DAY)).isEmpty();

        store.conversations().eraseUser(bob);

        assertThat(metrics().activityOf(ActivityDimension.USER, bob, DAY, DAY)).isEmpty();
        assertThat(metrics().activityOf(ActivityDimension.USER, ann, DAY, DAY)).hasSize(1);
    }

    @Test
    void should_reject_bad_days_naming_the_field() {
        assertThatThrownBy(() -> metrics().activity(ActivityDimension.AGENT, DAY, DAY.minusDays(1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> metrics().activityOf(ActivityDimension.USER, null, DAY, DAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subjectId"));
        assertThatThrownBy(() -> metrics().rollupActivity(LocalDate.of(1969, 12, 31)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("day"));
    }
}
