package dev.agentstore.model;

/** How a model's weights are packaged, or that it is reached through a remote API. */
public enum ModelFormat {
    /** llama.cpp's single-file format. */
    GGUF,
    /** Hugging Face safetensors. */
    SAFETENSORS,
    /** PyTorch checkpoints. */
    PYTORCH,
    /** ONNX graphs. */
    ONNX,
    /** A hosted model behind an API; no local file. */
    API,
    /** Anything else. */
    OTHER
}
