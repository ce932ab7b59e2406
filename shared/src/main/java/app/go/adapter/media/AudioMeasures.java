package app.go.adapter.media;

import app.go.domain.creation.AudioFacts;

import java.util.Arrays;

/** The audio measures behind the asset checks (CM-AST-2/6), on decoded samples in -1..1. */
final class AudioMeasures {
    private static final int FFT_SIZE = 1024;

    private AudioMeasures() {}

    /** @param channels one array of samples per channel, all the same length */
    static AudioFacts measure(String format, float rate, float[][] channels) {
        int frames = channels[0].length;
        float[] mono = new float[frames];
        long clipped = 0;
        for (float[] channel : channels) {
            for (int i = 0; i < frames; i++) {
                mono[i] += channel[i] / channels.length;
                if (Math.abs(channel[i]) >= 0.99f) {
                    clipped++;
                }
            }
        }
        int window = Math.max(1, (int) (rate * 0.05));
        int count = Math.max(1, frames / window);
        double[] rms = new double[count];
        for (int f = 0; f < count; f++) {
            double s = 0;
            for (int i = f * window; i < Math.min(frames, (f + 1) * window); i++) {
                s += mono[i] * mono[i];
            }
            rms[f] = Math.sqrt(s / window);
        }
        double[] sorted = rms.clone();
        Arrays.sort(sorted);
        double median = sorted[count / 2];
        double floor = sorted[count / 10];
        long quiet = Arrays.stream(rms).filter(r -> r < median * 0.25).count();
        double pauses = quiet / (double) count;
        double flatness = flatness(mono);
        double width = channels.length < 2 ? 0 : 1 - correlation(channels[0], channels[1]);
        AudioFacts.Content content;
        if (median < 0.003) {
            content = AudioFacts.Content.SILENCE;
        } else if (flatness > 0.45) {
            content = AudioFacts.Content.NOISE;
        } else if (pauses >= 0.08) {
            content = AudioFacts.Content.SPEECH;
        } else {
            content = AudioFacts.Content.MUSIC;
        }
        return new AudioFacts(format, frames / (double) rate, channels.length, rate,
                clipped / (double) (frames * (long) channels.length), db(floor), width, pauses, flatness, content);
    }

    private static double db(double level) {
        return 20 * Math.log10(Math.max(level, 1e-6));
    }

    /** Mean spectral flatness (geometric over arithmetic mean of the power spectrum) of loud frames. */
    private static double flatness(float[] mono) {
        double total = 0;
        int used = 0;
        double[] re = new double[FFT_SIZE];
        double[] im = new double[FFT_SIZE];
        for (int start = 0; start + FFT_SIZE <= mono.length && used < 200; start += FFT_SIZE * 4) {
            double energy = 0;
            for (int i = 0; i < FFT_SIZE; i++) {
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FFT_SIZE - 1));
                re[i] = mono[start + i] * hann;
                im[i] = 0;
                energy += re[i] * re[i];
            }
            if (energy < 1e-4) {
                continue;
            }
            fft(re, im);
            double logSum = 0;
            double sum = 0;
            int bins = FFT_SIZE / 2 - 1;
            for (int k = 1; k <= bins; k++) {
                double power = re[k] * re[k] + im[k] * im[k] + 1e-12;
                logSum += Math.log(power);
                sum += power;
            }
            total += Math.exp(logSum / bins) / (sum / bins);
            used++;
        }
        return used == 0 ? 0 : total / used;
    }

    private static double correlation(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 1 : ab / Math.sqrt(aa * bb);
    }

    /** In-place iterative radix-2 FFT. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double cos = Math.cos(angle * k);
                    double sin = Math.sin(angle * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cos - im[b] * sin;
                    double xi = re[b] * sin + im[b] * cos;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
