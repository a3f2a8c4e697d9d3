namespace TriageBot.Storage;

/// <summary>The storage settings cannot work; the message names the setting to fix, on one line.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
