namespace OctoLite.Server.Email;

/// <summary>What the SMTP server accepted: the message's id, its recipients (To and Cc) and the server that took it.</summary>
internal sealed record EmailReceipt(string MessageId, IReadOnlyList<string> Recipients, string Server);
