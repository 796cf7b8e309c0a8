"""Writes the Keras fixtures that KerasImportTest reads, into src/test/resources/keras/.

Needs Keras 3 (tensorflow-cpu) and h5py; the Java tests need neither, they read what this
wrote. Run from the repository root:

    python src/test/keras/make_fixtures.py [--mnist DIR]

Each model is trained briefly (2 epochs on half of MNIST): the tests compare DL4J's output
with Keras's, so a model only has to be a real trained one, not a good one.

Only Keras 3 can be installed today, so the Keras 2 files are written here with h5py in the
layout Keras 2 used (a whole-model .h5 as Keras 2.4+ saved it, and a Keras 2.2 architecture
.json with a weights-only .h5), holding weights trained by Keras 3. Their Keras predictions
come from the Keras 3 model with the same weights, which computes the same function.

Beside every model NAME.EXT it writes NAME.predictions.json: Keras's probabilities for the
first 20 MNIST test digits, as that model's input (pixels divided by its pixel scale, padded or
flattened to its input shape). accuracy.json holds each model's accuracy on all 10,000.
"""
import argparse
import gzip
import json
import os
import pathlib
import shutil
import tempfile

import h5py
import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[3]
OUT = REPO / "src/test/resources/keras"
PROBES = 20


def read_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_mnist(given):
    candidates = [given] if given else [REPO.parent / "shared/mnist", REPO.parent.parent / "shared/mnist",
                                        REPO / "src/test/resources/mnist"]
    for c in candidates:
        if c and (pathlib.Path(c) / "train-images-idx3-ubyte.gz").exists():
            return pathlib.Path(c)
    raise SystemExit("MNIST not found; pass --mnist DIR with the four gzipped IDX files")


def as_input(images, shape, pixel_scale, channels_first=False):
    """MNIST bytes as the model's input: 28x28 crops, padded with background for 32x32."""
    x = images.astype(np.float32) / pixel_scale
    if shape == (784,):
        return x.reshape(-1, 784)
    if shape == (28, 28):
        return x
    side = shape[1] if channels_first else shape[0]
    pad = (side - 28) // 2
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    return x[:, None] if channels_first else x[..., None]


def train(model, x, y, epochs=2):
    keras.utils.set_random_seed(1234)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x, y, batch_size=64, epochs=epochs, verbose=0, shuffle=True)
    # An uncompiled copy saves without optimizer state, which would triple the file for nothing.
    bare = keras.Sequential.from_config(model.get_config())
    bare.set_weights(model.get_weights())
    return bare


def record(name, model, test_x, test_y, pixel_scale, accuracy):
    probs = model.predict(test_x[:PROBES], verbose=0)
    full = model.predict(test_x, batch_size=500, verbose=0)
    acc = float((full.argmax(1) == test_y).mean())
    accuracy[name] = {"accuracy": acc, "pixelScale": pixel_scale}
    (OUT / (name.split(".")[0] + ".predictions.json")).write_text(json.dumps({
        "model": name, "pixelScale": pixel_scale, "mnistTestIndices": list(range(PROBES)),
        "probabilities": [[float(v) for v in row] for row in probs]}, indent=1) + "\n")
    print(f"{name}: Keras accuracy {100 * acc:.2f}% on {len(test_y)} test digits")


# --- Keras 2 layout, written by hand -------------------------------------------------------------

def k2_init(name, **config):
    return {"class_name": name, "config": config or ({"seed": None} if "Glorot" in name else {})}


def k2_dense(name, units, activation, first_shape=None):
    c = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
         "use_bias": True, "kernel_initializer": k2_init("GlorotUniform"), "bias_initializer": k2_init("Zeros"),
         "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
         "kernel_constraint": None, "bias_constraint": None}
    if first_shape:
        c["batch_input_shape"] = [None, *first_shape]
    return {"class_name": "Dense", "config": c}


def k2_conv(name, filters, kernel, activation, data_format, first_shape=None):
    c = {"name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [kernel, kernel],
         "strides": [1, 1], "padding": "valid", "data_format": data_format, "dilation_rate": [1, 1],
         "activation": activation, "use_bias": True, "kernel_initializer": k2_init("GlorotUniform"),
         "bias_initializer": k2_init("Zeros"), "kernel_regularizer": None, "bias_regularizer": None,
         "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
    if first_shape:
        c["batch_input_shape"] = [None, *first_shape]
    return {"class_name": "Conv2D", "config": c}


def k2_pool(kind, name, data_format):
    return {"class_name": kind, "config": {"name": name, "trainable": True, "dtype": "float32",
                                           "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                                           "data_format": data_format}}


def k2_flatten(name, data_format="channels_last", first_shape=None):
    c = {"name": name, "trainable": True, "dtype": "float32", "data_format": data_format}
    if first_shape:
        c["batch_input_shape"] = [None, *first_shape]
    return {"class_name": "Flatten", "config": c}


def k2_input(name, shape):
    return {"class_name": "InputLayer", "config": {"batch_input_shape": [None, *shape], "dtype": "float32",
                                                   "sparse": False, "ragged": False, "name": name}}


def write_k2_weights(group, keras_version, layers):
    """layers: [(name, [(param, array)])] in model order, as Keras 2's save_weights laid them out."""
    group.attrs["layer_names"] = np.array([n.encode() for n, _ in layers])
    group.attrs["backend"] = b"tensorflow"
    group.attrs["keras_version"] = keras_version.encode()
    for name, params in layers:
        g = group.create_group(name)
        g.attrs["weight_names"] = np.array([f"{name}/{p}:0".encode() for p, _ in params])
        for p, value in params:
            g.create_dataset(f"{name}/{p}:0", data=value.astype(np.float32))


def k2_model_json(layers, keras_version, name="sequential"):
    return json.dumps({"class_name": "Sequential", "config": {"name": name, "layers": layers},
                       "keras_version": keras_version, "backend": "tensorflow"})


def weights_of(model, names):
    """[(keras2 layer name, [(param, array)])] from a Keras 3 model, layers renamed to `names`."""
    out = []
    weighted = [l for l in model.layers if l.weights]
    for layer, name in zip(weighted, names):
        params = [(w.path.split("/")[-1], w.numpy()) for w in layer.weights]
        out.append((name, params))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mnist", type=pathlib.Path)
    args = parser.parse_args()
    mnist = find_mnist(args.mnist)
    train_images = read_idx(mnist / "train-images-idx3-ubyte.gz")
    train_labels = read_idx(mnist / "train-labels-idx1-ubyte.gz").astype(np.int64)
    test_images = read_idx(mnist / "t10k-images-idx3-ubyte.gz")
    test_labels = read_idx(mnist / "t10k-labels-idx1-ubyte.gz").astype(np.int64)
    sub = slice(0, 30000)
    OUT.mkdir(parents=True, exist_ok=True)
    accuracy = {}
    L = keras.layers

    # 1. MLP on flat 784, Keras 3 .keras.
    m = keras.Sequential([keras.Input((784,)), L.Dense(64, activation="relu"), L.Dense(64, activation="relu"),
                          L.Dense(10, activation="softmax")], name="mlp")
    m = train(m, as_input(train_images[sub], (784,), 255), train_labels[sub])
    m.save(OUT / "mlp-keras3.keras")
    record("mlp-keras3.keras", m, as_input(test_images, (784,), 255), test_labels, 255, accuracy)

    # 2. LeNet-5 (tanh, average pooling) on 32x32: the 28x28 digit padded by 2 px. Keras 3 legacy .h5.
    m = keras.Sequential([keras.Input((32, 32, 1)), L.Conv2D(6, 5, activation="tanh"), L.AveragePooling2D(2),
                          L.Conv2D(16, 5, activation="tanh"), L.AveragePooling2D(2), L.Flatten(),
                          L.Dense(120, activation="tanh"), L.Dense(84, activation="tanh"),
                          L.Dense(10, activation="softmax")], name="lenet5")
    m = train(m, as_input(train_images[sub], (32, 32, 1), 255), train_labels[sub])
    m.save(OUT / "lenet-keras3.h5")
    record("lenet-keras3.h5", m, as_input(test_images, (32, 32, 1), 255), test_labels, 255, accuracy)

    # 3. Small CNN with batch norm and dropout, channels-last, trained on pixels left 0-255 with a
    #    Rescaling layer doing the dividing and a RandomRotation for augmentation. Keras 3 .keras.
    m = keras.Sequential([keras.Input((28, 28, 1)), L.Rescaling(1 / 255.0), L.RandomRotation(0.03),
                          L.Conv2D(16, 3, activation="relu"), L.BatchNormalization(), L.MaxPooling2D(2),
                          L.Conv2D(32, 3, activation="relu"), L.BatchNormalization(), L.MaxPooling2D(2),
                          L.Flatten(), L.Dropout(0.25), L.Dense(64, activation="relu"), L.Dropout(0.25),
                          L.Dense(10, activation="softmax")], name="cnn_bn")
    m = train(m, as_input(train_images[sub], (28, 28, 1), 1), train_labels[sub])
    m.save(OUT / "cnn-bn-keras3.keras")
    record("cnn-bn-keras3.keras", m, as_input(test_images, (28, 28, 1), 1), test_labels, 1, accuracy)

    # 4. Keras 2 whole-model .h5 (2.4+ layout: an InputLayer in the Sequential's layers): an MLP on
    #    28x28 that flattens first, trained on pixels left 0-255 without any Rescaling layer.
    m = keras.Sequential([keras.Input((28, 28)), L.Flatten(), L.Dense(128, activation="relu"),
                          L.Dense(10, activation="softmax")], name="mlp_raw")
    m = train(m, as_input(train_images[sub], (28, 28), 1), train_labels[sub])
    layers = [k2_input("flatten_input", [28, 28]), k2_flatten("flatten"), k2_dense("dense", 128, "relu"),
              k2_dense("dense_1", 10, "softmax")]
    with h5py.File(OUT / "mlp-raw-keras2.h5", "w") as f:
        f.attrs["keras_version"] = b"2.4.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = k2_model_json(layers, "2.4.0").encode()
        w = weights_of(m, ["dense", "dense_1"])
        write_k2_weights(f.create_group("model_weights"), "2.4.0", [("flatten", [])] + w)
    record("mlp-raw-keras2.h5", m, as_input(test_images, (28, 28), 1), test_labels, 1, accuracy)

    # 5. Keras 2.2 architecture .json (no InputLayer: the first layer carries batch_input_shape)
    #    with a weights-only .h5, channels-first: 1x28x28.
    cf = "channels_first"
    m = keras.Sequential([keras.Input((1, 28, 28)), L.Conv2D(8, 5, activation="relu", data_format=cf),
                          L.MaxPooling2D(2, data_format=cf), L.Conv2D(16, 5, activation="relu", data_format=cf),
                          L.MaxPooling2D(2, data_format=cf), L.Flatten(data_format=cf),
                          L.Dense(10, activation="softmax")], name="cnn_chw")
    m = train(m, as_input(train_images[sub], (1, 28, 28), 255, channels_first=True), train_labels[sub])
    layers = [k2_conv("conv2d_1", 8, 5, "relu", cf, first_shape=[1, 28, 28]), k2_pool("MaxPooling2D", "max_pooling2d_1", cf),
              k2_conv("conv2d_2", 16, 5, "relu", cf), k2_pool("MaxPooling2D", "max_pooling2d_2", cf),
              k2_flatten("flatten_1", cf), k2_dense("dense_1", 10, "softmax")]
    (OUT / "cnn-chw-keras2.json").write_text(k2_model_json(layers, "2.2.4", "sequential_1"))
    with h5py.File(OUT / "cnn-chw-keras2.weights.h5", "w") as f:
        w = weights_of(m, ["conv2d_1", "conv2d_2", "dense_1"])
        write_k2_weights(f, "2.2.4", [w[0], ("max_pooling2d_1", []), w[1], ("max_pooling2d_2", []),
                                      ("flatten_1", []), w[2]])
    record("cnn-chw-keras2.json", m, as_input(test_images, (1, 28, 28), 255, channels_first=True), test_labels,
           255, accuracy)

    # Models DigitCam must refuse, untrained: colour input and five outputs.
    keras.Sequential([keras.Input((28, 28, 3)), L.Conv2D(4, 3), L.Flatten(), L.Dense(10, activation="softmax")],
                     name="colour").save(OUT / "colour-input-keras3.keras")
    keras.Sequential([keras.Input((784,)), L.Dense(16, activation="relu"), L.Dense(5, activation="softmax")],
                     name="five").save(OUT / "five-outputs-keras3.keras")

    (OUT / "accuracy.json").write_text(json.dumps(accuracy, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
