namespace Backprop.Generated.Generator
{
    /// <summary>Names of the incremental pipeline's steps, shared with the incrementality tests.</summary>
    public static class TrackingNames
    {
        /// <summary>The transform from an attributed class to a parsed, validated spec and its diagnostics.</summary>
        public const string Parse = nameof(Parse);

        /// <summary>The specs of valid networks, the input of source emission.</summary>
        public const string Specs = nameof(Specs);

        /// <summary>The diagnostics of each network, reported apart from the source.</summary>
        public const string Diagnostics = nameof(Diagnostics);
    }
}
