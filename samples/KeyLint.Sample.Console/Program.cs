// KeyLint sample: every key in this project is FAKE. They were made by
// tests/KeyLint.Tests/Infrastructure/FakeKeys.cs with the seeds named next to each one
// (SampleKeysTests checks that), and were never issued by OpenAI; the Azure keys in
// ChatService.cs were made by FakeAzureKeys.cs and never issued by Azure.
using KeyLint.Sample;

// KL0001: a project key pasted "just to try something" (FakeKeys.Project(seed: 501)).
var client = new ChatService("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");
System.Console.WriteLine(client.Describe());
System.Console.WriteLine(ChatService.AuthorizationHeader);
System.Console.WriteLine(AdminTools.Run());
