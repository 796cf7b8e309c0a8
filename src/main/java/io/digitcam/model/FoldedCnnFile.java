package io.digitcam.model;

import io.digitcam.model.FoldedCnn.Act;
import io.digitcam.model.FoldedCnn.Conv;
import io.digitcam.model.FoldedCnn.Dense;
import io.digitcam.model.FoldedCnn.Pool;
import io.digitcam.model.FoldedCnn.Step;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FoldedCnn} as bytes: its steps and their float weights, nothing of DL4J's. Reading one
 * back needs neither DL4J nor ND4J, which is what lets the app start without waking them.
 */
final class FoldedCnnFile {
    private static final int MAGIC = 0x44434e31; // "DCN1"
    private static final byte CONV = 1;
    private static final byte POOL = 2;
    private static final byte DENSE = 3;

    private FoldedCnnFile() {
    }

    static void write(FoldedCnn net, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(net.side());
        out.writeInt(net.trunk().size());
        for (Step step : net.trunk()) {
            if (step instanceof Conv c) {
                out.writeByte(CONV);
                out.writeInt(c.in());
                out.writeInt(c.out());
                out.writeInt(c.k());
                out.writeBoolean(c.relu());
                floats(out, c.w());
                floats(out, c.b());
            } else if (step instanceof Pool p) {
                out.writeByte(POOL);
                out.writeInt(p.k());
                out.writeInt(p.stride());
            } else {
                throw new IllegalStateException("dense layer in the trunk");
            }
        }
        dense(out, net.head());
        dense(out, net.secondHead());
    }

    static FoldedCnn read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a compiled DigitCam network");
        }
        int side = in.readInt();
        int steps = count(in);
        List<Step> trunk = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            byte kind = in.readByte();
            if (kind == CONV) {
                int cin = in.readInt();
                int cout = in.readInt();
                int k = in.readInt();
                boolean relu = in.readBoolean();
                trunk.add(new Conv(cin, cout, k, floats(in, (long) cout * cin * k * k), floats(in, cout), relu));
            } else if (kind == POOL) {
                trunk.add(new Pool(in.readInt(), in.readInt()));
            } else {
                throw new IOException("unknown step " + kind);
            }
        }
        List<Dense> head = dense(in);
        List<Dense> second = dense(in);
        if (head.isEmpty()) {
            throw new IOException("no dense layers");
        }
        return new FoldedCnn(List.copyOf(trunk), head, second, side);
    }

    private static void dense(DataOutputStream out, List<Dense> layers) throws IOException {
        out.writeInt(layers.size());
        for (Dense d : layers) {
            out.writeInt(d.in());
            out.writeInt(d.out());
            out.writeByte(d.act().ordinal());
            floats(out, d.w());
            floats(out, d.b());
        }
    }

    private static List<Dense> dense(DataInputStream in) throws IOException {
        int n = count(in);
        List<Dense> layers = new ArrayList<>(n);
        Act[] acts = Act.values();
        for (int i = 0; i < n; i++) {
            int din = in.readInt();
            int dout = in.readInt();
            int act = in.readByte();
            if (act < 0 || act >= acts.length) {
                throw new IOException("unknown activation " + act);
            }
            layers.add(new Dense(din, dout, floats(in, (long) din * dout), floats(in, dout), acts[act]));
        }
        return List.copyOf(layers);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64) {
            throw new IOException("implausible layer count " + n);
        }
        return n;
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        out.writeInt(v.length);
        out.write(b.array());
    }

    private static float[] floats(DataInputStream in, long expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("a layer holds " + n + " weights, its shape says " + expected);
        }
        byte[] bytes = in.readNBytes(n * Float.BYTES);
        if (bytes.length != n * Float.BYTES) {
            throw new IOException("truncated");
        }
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
