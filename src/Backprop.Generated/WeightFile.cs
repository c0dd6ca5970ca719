using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Backprop.Generated
{
    /// <summary>
    /// Saves and loads a network's parameters, and optionally its optimizer state, in a small versioned binary format:
    /// <list type="number">
    /// <item>magic <c>BPGW</c>, format version (u16), precision (u8: 0 single, 1 double), flags (u8: 1 = optimizer state);</item>
    /// <item>the architecture fingerprint (u64) and its text (i32 length + UTF-8), the parameter count (i32);</item>
    /// <item>with optimizer state: the optimizer's name (i32 + UTF-8), step count (i64), learning rate (f64), state length (i32);</item>
    /// <item>the parameters, then the state, as little-endian IEEE floats of the precision;</item>
    /// <item>an FNV-1a 64-bit checksum (u64) of every byte before it.</item>
    /// </list>
    /// Loading checks everything before it changes anything: a file for another architecture or precision, a truncated
    /// file or a bad checksum throws <see cref="InvalidDataException"/> and leaves the network as it was.
    /// </summary>
    public static class WeightFile
    {
        /// <summary>The format version this library writes and reads.</summary>
        public const ushort FormatVersion = 1;

        private static readonly byte[] Magic = { (byte)'B', (byte)'P', (byte)'G', (byte)'W' };
        private const byte OptimizerStateFlag = 1;

        /// <summary>Writes the parameters, and the optimizer state when <paramref name="includeOptimizerState"/> and the network has one.</summary>
        public static void Save<T>(INetwork<T> network, Stream stream, bool includeOptimizerState = true) where T : unmanaged
        {
            if (network is null) throw new ArgumentNullException(nameof(network));
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            ITrainableNetwork<T>? trainable = includeOptimizerState ? network as ITrainableNetwork<T> : null;
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(PrecisionCode<T>());
                writer.Write(trainable != null ? OptimizerStateFlag : (byte)0);
                writer.Write(network.ArchitectureHash);
                WriteText(writer, network.Architecture);
                writer.Write(network.ParameterCount);
                if (trainable != null)
                {
                    WriteText(writer, trainable.OptimizerName);
                    writer.Write(trainable.StepCount);
                    writer.Write(trainable.LearningRate);
                    writer.Write(trainable.OptimizerState.Length);
                }
                writer.Flush();
                WriteValues<T>(buffer, network.Parameters);
                if (trainable != null) WriteValues<T>(buffer, trainable.OptimizerState);
                ulong checksum = Fnv1a(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                writer.Write(checksum);
            }
            buffer.Position = 0;
            buffer.CopyTo(stream);
        }

        /// <summary>
        /// Saves to <paramref name="path"/> safely: writes a temporary file beside it, flushes it to disk, then replaces
        /// the old file in one step, so a failure never leaves a half-written file where a good one was.
        /// </summary>
        public static void Save<T>(INetwork<T> network, string path, bool includeOptimizerState = true) where T : unmanaged
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            string full = Path.GetFullPath(path);
            string temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    Save(network, file, includeOptimizerState);
                    file.Flush(flushToDisk: true);
                }
                if (File.Exists(full)) File.Replace(temporary, full, destinationBackupFileName: null);
                else File.Move(temporary, full);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        /// <summary>Loads a file written by <see cref="Save{T}(INetwork{T}, string, bool)"/>.</summary>
        /// <exception cref="InvalidDataException">The file is not a weight file for this network, is truncated, or is corrupt; the network is unchanged.</exception>
        public static void Load<T>(INetwork<T> network, string path, bool includeOptimizerState = true) where T : unmanaged
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Load(network, file, includeOptimizerState);
        }

        /// <summary>
        /// Reads a weight file and, when every check passes, sets the network's parameters and, when asked and present,
        /// its optimizer state, step count and learning rate. Loading parameters without state restarts the optimizer
        /// (state cleared, step count 0); the learning rate stays as it is.
        /// </summary>
        /// <exception cref="InvalidDataException">The stream is not a weight file for this network, is truncated, or is corrupt; the network is unchanged.</exception>
        public static void Load<T>(INetwork<T> network, Stream stream, bool includeOptimizerState = true) where T : unmanaged
        {
            if (network is null) throw new ArgumentNullException(nameof(network));
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            byte[] bytes;
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            var reader = new SpanReader(bytes);
            if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                throw new InvalidDataException("This is not a Backprop.Generated weight file: it does not start with 'BPGW'.");
            }
            reader.Skip(Magic.Length);
            ushort version = reader.UInt16();
            if (version != FormatVersion) throw new InvalidDataException($"The weight file has format version {version}; this library reads version {FormatVersion}.");
            byte precision = reader.Byte();
            byte flags = reader.Byte();
            ulong hash = reader.UInt64();
            string architecture = reader.Text();
            int parameterCount = reader.Int32();
            bool hasState = (flags & OptimizerStateFlag) != 0;
            string optimizer = "";
            long steps = 0;
            double learningRate = 0;
            int stateLength = 0;
            if (hasState)
            {
                optimizer = reader.Text();
                steps = reader.Int64();
                learningRate = reader.Double();
                stateLength = reader.Int32();
            }
            int size = Marshal.SizeOf<T>();
            long payload = ((long)parameterCount + stateLength) * (precision == 1 ? 8 : 4);
            if (parameterCount < 0 || stateLength < 0 || reader.Position + payload + 8 > bytes.Length)
            {
                throw new InvalidDataException($"The weight file is truncated: it has {bytes.Length} bytes, but its header promises {reader.Position + payload + 8}.");
            }
            ulong stored = BitConverter.ToUInt64(bytes, (int)(reader.Position + payload));
            ulong actual = Fnv1a(bytes.AsSpan(0, (int)(reader.Position + payload)));
            if (stored != actual) throw new InvalidDataException($"The weight file is corrupt: its checksum is {stored:X16}, but its contents hash to {actual:X16}.");
            if (reader.Position + payload + 8 != bytes.Length) throw new InvalidDataException($"The weight file has {bytes.Length - (reader.Position + payload + 8)} unexpected bytes after its checksum.");
            if (precision != PrecisionCode<T>())
            {
                throw new InvalidDataException($"The weight file holds {(precision == 1 ? "double" : "single")}-precision values, but this network computes in {typeof(T).Name}.");
            }
            if (hash != network.ArchitectureHash || parameterCount != network.ParameterCount)
            {
                throw new InvalidDataException($"The weight file was written for the architecture '{architecture}' ({parameterCount} parameters), but this network is '{network.Architecture}' ({network.ParameterCount} parameters).");
            }
            ITrainableNetwork<T>? trainable = includeOptimizerState && hasState ? network as ITrainableNetwork<T> : null;
            if (trainable != null && (optimizer != trainable.OptimizerName || stateLength != trainable.OptimizerState.Length))
            {
                throw new InvalidDataException($"The weight file holds {optimizer} state ({stateLength} values), but this network's optimizer is {trainable.OptimizerName} ({trainable.OptimizerState.Length} values); load with includeOptimizerState: false to take only the parameters.");
            }

            if (trainable != null && (steps < 0 || !(learningRate >= 0) || double.IsInfinity(learningRate)))
            {
                throw new InvalidDataException($"The weight file is corrupt: step count {steps} and learning rate {learningRate} cannot be restored.");
            }

            // Every check passed: now change the network.
            ReadOnlySpan<T> values = MemoryMarshal.Cast<byte, T>(bytes.AsSpan((int)reader.Position, (int)((long)parameterCount * size)));
            values.CopyTo(network.Parameters);
            if (trainable != null)
            {
                MemoryMarshal.Cast<byte, T>(bytes.AsSpan((int)reader.Position + parameterCount * size, stateLength * size)).CopyTo(trainable.OptimizerState);
                trainable.StepCount = steps;
                trainable.LearningRate = learningRate;
            }
            else if (network is ITrainableNetwork<T> stale)
            {
                // New parameters with the old momentum or moments would be neither model: the optimizer starts over.
                stale.OptimizerState.Clear();
                stale.StepCount = 0;
            }
            network.ZeroGradients();
        }

        private static byte PrecisionCode<T>() where T : unmanaged
        {
            if (typeof(T) == typeof(float)) return 0;
            if (typeof(T) == typeof(double)) return 1;
            throw new NotSupportedException("Networks compute in float or double.");
        }

        private static void WriteText(BinaryWriter writer, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }

        private static void WriteValues<T>(MemoryStream stream, ReadOnlySpan<T> values) where T : unmanaged
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Weight files are little-endian; big-endian machines are not supported.");
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(values);
            byte[] copy = bytes.ToArray();
            stream.Write(copy, 0, copy.Length);
        }

        /// <summary>FNV-1a, 64 bits: the checksum of weight files and the hash of architectures.</summary>
        public static ulong Fnv1a(ReadOnlySpan<byte> bytes)
        {
            ulong hash = 14695981039346656037UL;
            foreach (byte b in bytes)
            {
                hash ^= b;
                hash = unchecked(hash * 1099511628211UL);
            }
            return hash;
        }

        private ref struct SpanReader
        {
            private readonly byte[] _bytes;

            public SpanReader(byte[] bytes)
            {
                _bytes = bytes;
                Position = 0;
            }

            public long Position { get; private set; }

            private int Take(int count)
            {
                if (Position + count > _bytes.Length) throw new InvalidDataException($"The weight file is truncated: its header ends after {_bytes.Length} bytes.");
                int start = (int)Position;
                Position += count;
                return start;
            }

            public void Skip(int count) => Take(count);
            public byte Byte() => _bytes[Take(1)];
            public ushort UInt16() => BitConverter.ToUInt16(_bytes, Take(2));
            public int Int32() => BitConverter.ToInt32(_bytes, Take(4));
            public long Int64() => BitConverter.ToInt64(_bytes, Take(8));
            public ulong UInt64() => BitConverter.ToUInt64(_bytes, Take(8));
            public double Double() => BitConverter.ToDouble(_bytes, Take(8));

            public string Text()
            {
                int length = Int32();
                if (length < 0) throw new InvalidDataException($"The weight file is corrupt: a text field claims {length} bytes.");
                return Encoding.UTF8.GetString(_bytes, Take(length), length);
            }
        }
    }
}
