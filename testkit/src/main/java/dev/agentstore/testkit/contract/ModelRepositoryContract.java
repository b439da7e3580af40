package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The model registry. */
public abstract class ModelRepositoryContract extends StoreContract {

    private ModelRepository repo() {
        return store.models();
    }

    private LlmModel register(String name, ModelFormat format, Long params, String quant) {
        return repo().register(ModelSpec.builder(name, format)
                .parameterCount(params)
                .quantization(quant)
                .build());
    }

    @Test
    void should_start_empty() {
        assertThat(repo().list(ModelFilter.all(), PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void should_register_an_active_model_with_every_field() {
        ModelSpec spec = ModelSpec.builder("llama-3.1-8b-q4", ModelFormat.GGUF)
                .parameterCount(8_000_000_000L)
                .quantization("Q4_K_M")
                .contextLength(131_072)
                .filePath("/models/llama.gguf")
                .fileSizeBytes(4_920_000_000L)
                .pricing(ModelPricing.usd("0.0001", "0.0002"))
                .metadata(Map.of("family", "llama"))
                .build();
        LlmModel model = repo().register(spec);
        assertThat(model.active()).isTrue();
        assertThat(model.lastUsedAt()).isNull();
        assertThat(repo().findById(model.id())).contains(model);
        assertThat(repo().findByName("llama-3.1-8b-q4")).contains(model);
        assertThat(model.spec().pricing().inputPer1k()).isEqualByComparingTo(new BigDecimal("0.0001"));
    }

    @Test
    void should_refuse_a_duplicate_name() {
        register("m", ModelFormat.GGUF, null, null);
        assertThatThrownBy(() -> register("m", ModelFormat.ONNX, null, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void should_update_a_spec_and_refuse_renaming_onto_another_model() {
        LlmModel a = register("a", ModelFormat.GGUF, 1L, null);
        register("b", ModelFormat.GGUF, 1L, null);
        LlmModel updated =
                repo().update(a.id(), a.spec().toBuilder().contextLength(8_192).build());
        assertThat(updated.spec().contextLength()).isEqualTo(8_192);
        assertThatThrownBy(() -> repo().update(
                                a.id(), ModelSpec.builder("b", ModelFormat.GGUF).build()))
                .isInstanceOf(ConflictException.class);
        assertThat(repo().findById(a.id()).orElseThrow().name()).isEqualTo("a");
    }

    @Test
    void should_deactivate_and_reactivate() {
        LlmModel m = register("x", ModelFormat.API, null, null);
        assertThat(repo().deactivate(m.id()).active()).isFalse();
        assertThat(repo().findById(m.id()).orElseThrow().active()).isFalse();
        assertThat(repo().setActive(m.id(), true).active()).isTrue();
    }

    @Test
    void should_mark_a_model_used_now() {
        LlmModel m = register("y", ModelFormat.API, null, null);
        clock.advance(Duration.ofMinutes(3));
        LlmModel used = repo().markUsed(m.id());
        assertThat(used.lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void should_refuse_unknown_ids() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> repo().markUsed(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().deactivate(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().update(
                                unknown,
                                ModelSpec.builder("z", ModelFormat.GGUF).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(repo().findById(unknown)).isEmpty();
    }

    @Test
    void should_filter_by_format_size_quantization_and_active_flag() {
        register("small-gguf", ModelFormat.GGUF, 1_000_000_000L, "Q4_K_M");
        register("big-gguf", ModelFormat.GGUF, 70_000_000_000L, "Q8_0");
        LlmModel onnx = register("mid-onnx", ModelFormat.ONNX, 7_000_000_000L, "fp16");
        register("api", ModelFormat.API, null, null);
        repo().deactivate(onnx.id());
        assertThat(names(ModelFilter.all().withFormat(ModelFormat.GGUF))).containsExactly("big-gguf", "small-gguf");
        assertThat(names(ModelFilter.all().withParameters(2_000_000_000L, 10_000_000_000L)))
                .containsExactly("mid-onnx");
        assertThat(names(ModelFilter.all().withParameters(null, 7_000_000_000L)))
                .containsExactly("mid-onnx", "small-gguf");
        assertThat(names(ModelFilter.all().withQuantization("Q8_0"))).containsExactly("big-gguf");
        assertThat(names(ModelFilter.activeOnly())).containsExactly("api", "big-gguf", "small-gguf");
        assertThat(names(ModelFilter.all().withActive(false))).containsExactly("mid-onnx");
    }

    @Test
    void should_page_models_by_name() {
        for (int i = 0; i < 7; i++) {
            register("model-" + i, ModelFormat.GGUF, null, null);
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (request != null) {
            Page<LlmModel> page = repo().list(ModelFilter.all(), request);
            page.items().forEach(m -> seen.add(m.name()));
            request = page.nextRequest(request).orElse(null);
        }
        assertThat(seen).containsExactly("model-0", "model-1", "model-2", "model-3", "model-4", "model-5", "model-6");
    }

    @Test
    void should_delete_a_model() {
        LlmModel m = register("gone", ModelFormat.GGUF, null, null);
        assertThat(repo().delete(m.id())).isTrue();
        assertThat(repo().findByName("gone")).isEmpty();
        assertThat(repo().delete(m.id())).isFalse();
    }

    private List<String> names(ModelFilter filter) {
        return repo().list(filter, PageRequest.first(100)).items().stream()
                .map(LlmModel::name)
                .toList();
    }
}
