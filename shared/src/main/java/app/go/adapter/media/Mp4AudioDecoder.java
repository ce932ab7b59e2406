package app.go.adapter.media;

import net.sourceforge.jaad.SampleBuffer;
import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.mp4.MP4Container;
import net.sourceforge.jaad.mp4.MP4InputStream;
import net.sourceforge.jaad.mp4.api.AudioTrack;
import net.sourceforge.jaad.mp4.api.Frame;
import net.sourceforge.jaad.mp4.api.Track;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * M4A/AAC (an AAC track in an MP4 container) decoded frame by frame with JAAD (javasound-aac).
 * Frame by frame rather than through its javax.sound stream: JAAD fails on a frame whose spectral
 * value reaches the format's maximum (loud or clipped passages), and through the stream one such
 * frame ends the whole file. Here it becomes silence; a file where more than
 * {@value #MAX_BAD_FRAME_PERCENT}% of the frames fail is not decodable. The container parser is fed
 * through {@link Guarded}: it loops for ever skipping past the end of a cut or forged file.
 */
final class Mp4AudioDecoder {
    static final int MAX_BAD_FRAME_PERCENT = 5;
    /** Measured on at most this much: 5 MB of AAC can hold an hour, several GB as PCM; the checks need 30 s. */
    static final int MAX_SECONDS = 600;

    /** The decoded file: 16-bit PCM, interleaved, little-endian. */
    record Pcm(float rate, int channels, byte[] data, int badFrames, int frames) {}

    /**
     * JAAD logs every bad frame with its stack trace, at WARNING, on loggers its classes set up in
     * their static initialisers: the classes are loaded first, then their loggers silenced (and held,
     * so the level stays). The count of bad frames is what matters here.
     */
    private static final List<java.util.logging.Logger> JAAD_LOGGERS = silenceJaad();

    private static List<java.util.logging.Logger> silenceJaad() {
        for (String type : List.of("aac.Decoder", "aac.syntax.ICSInfo", "aac.syntax.ByteArrayBitStream",
                "aac.syntax.SyntacticElements", "aac.syntax.ICStream", "aac.tools.TNS", "aac.tools.ICPrediction", "aac.sbr.SBR",
                "mp4.api.DecoderInfo", "mp4.boxes.Utils", "mp4.od.Descriptor")) {
            try {
                Class.forName("net.sourceforge.jaad." + type, true, Mp4AudioDecoder.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // a class this version does not have logs nothing
            }
        }
        List<java.util.logging.Logger> loggers = new java.util.ArrayList<>();
        for (String name : List.of("jaad", "jaad.aac.Decoder", "jaad.aac.syntax.ICSInfo", "jaad.aac.syntax.BitStream",
                "jaad.SyntacticElements", "jaad.SCE", "jaad.aac.syntax.CPE", "jaad.aac.syntax.ICStream", "jaad.aac.syntax.TNS",
                "jaad.aac.syntax.PCE", "jaad.aac.syntax.LTPrediction", "jaad.aac.tools.ICPrediction", "jaad.aac.sbr.SBR",
                "jaad.mp4.Api", "jaad.mp4.boxes.BoxTypes", "jaad.mp4.od.Descriptor")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.OFF);
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    private Mp4AudioDecoder() {}

    /**
     * The upload's bytes, failing where JAAD's box parser would spin: a skip at the end of the data
     * (a box longer than the file) or a run of reads and skips that make no progress.
     */
    private static final class Guarded extends ByteArrayInputStream {
        private static final int MAX_IDLE_CALLS = 1_000;
        private int idle;

        Guarded(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized long skip(long n) {
            if (n > 0 && available() == 0) {
                throw new IllegalStateException("box runs past the end of the file");
            }
            return progress(super.skip(n));
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            progress(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return (int) progress(super.read(b, off, len));
        }

        private long progress(long moved) {
            if (moved > 0) {
                idle = 0;
            } else if (++idle > MAX_IDLE_CALLS) {
                throw new IllegalStateException("the container parser makes no progress");
            }
            return moved;
        }
    }

    /** An MP4 file starts with its {@code ftyp} box; anything else is left to the other decoders. */
    static boolean isMp4(byte[] bytes) {
        return bytes.length > 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p';
    }

    static Optional<Pcm> decode(byte[] bytes) {
        try {
            MP4Container container = new MP4Container(MP4InputStream.open(new Guarded(bytes)));
            List<Track> tracks = container.getMovie().getTracks(AudioTrack.AudioCodec.AAC);
            if (tracks.isEmpty() || tracks.get(0).getDecoderSpecificInfo() == null) {
                return Optional.empty();
            }
            Track track = tracks.get(0);
            Decoder decoder = Decoder.create(track.getDecoderSpecificInfo().getData());
            SampleBuffer buffer = new SampleBuffer();
            buffer.setBigEndian(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int frames = 0;
            int bad = 0;
            int rate = 0;
            int channels = 0;
            int frameBytes = 0;
            while (track.hasMoreFrames() && (rate == 0 || out.size() / (2.0 * channels * rate) < MAX_SECONDS)) {
                Frame frame = track.readNextFrame();
                if (frame == null) {
                    break;
                }
                frames++;
                try {
                    decoder.decodeFrame(frame.getData(), buffer);
                    byte[] pcm = buffer.getData();
                    rate = buffer.getSampleRate();
                    channels = buffer.getChannels();
                    frameBytes = pcm.length;
                    out.write(pcm);
                } catch (RuntimeException | IOException e) {
                    bad++;
                    out.write(new byte[frameBytes]);
                }
            }
            if (frames == 0 || channels == 0 || bad * 100 > frames * MAX_BAD_FRAME_PERCENT) {
                return Optional.empty();
            }
            return Optional.of(new Pcm(rate, channels, out.toByteArray(), bad, frames));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // a forged sample table makes JAAD allocate what it declares; that one array failed, the heap is fine
            return Optional.empty();
        }
    }
}
