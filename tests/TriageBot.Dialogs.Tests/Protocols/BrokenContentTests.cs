using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// Copies of the real content, each broken in one way, must fail validation with an error naming the file and the
/// line of the break. The folder is deleted after each test.
/// </summary>
public sealed class BrokenContentTests : IDisposable
{
    private readonly string _folder = RepositoryContent.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UnknownStep_IsReported_AtTheNextLine()
    {
        var line = Edit("incidents/suicidal-thoughts.yaml", "    next: means\n", "    next: meanz\n");

        AssertError("incidents/suicidal-thoughts.yaml", line, "unknown step 'meanz'");
    }

    [Fact]
    public void AnIncidentOrderNamingNoProtocol_IsReported_AtItsLine()
    {
        var line = Edit("school.yaml", "  - violence-weapon\n", "  - violence\n");

        AssertError("school.yaml", line, "incident_order names 'violence', which is not a protocol");
    }

    [Fact]
    public void AnIncidentOrderLeavingOutAProtocol_IsReported()
    {
        Edit("school.yaml", "  - panic-anxiety\n", string.Empty);

        AssertError("school.yaml", LineOf("school.yaml", "  - missing-student\n"), "incident_order leaves out 'panic-anxiety'");
    }

    [Fact]
    public void AnIncidentOrderNamingAProtocolTwice_IsReported_AtTheSecond()
    {
        var line = Edit("school.yaml", "  - panic-anxiety\n", "  - panic-anxiety\n  - self-harm\n") + 1;

        AssertError("school.yaml", line, "incident_order names 'self-harm' twice");
    }

    [Fact]
    public void UnknownChecklist_IsReported_AtTheChecklistLine()
    {
        var line = Edit("incidents/self-harm.yaml", "    checklist: injury\n    say: Check for injuries now.", "    checklist: injuries\n    say: Check for injuries now.");

        AssertError("incidents/self-harm.yaml", line, "unknown checklist 'injuries'");
    }

    [Fact]
    public void UnreachableStep_IsReported_AtTheStep()
    {
        var line = Edit(
            "incidents/panic-anxiety.yaml",
            "  - id: record\n    do: Record what happened",
            "  - id: orphan\n    do: Nobody comes here.\n    next: record\n  - id: record\n    do: Record what happened");

        AssertError("incidents/panic-anxiety.yaml", line, "step 'orphan' cannot be reached");
    }

    [Fact]
    public void StepWithNoWayForward_IsReported_AtTheStep()
    {
        var line = LineOf("incidents/panic-anxiety.yaml", "  - id: quiet\n");
        Edit("incidents/panic-anxiety.yaml", "    next: breathe\n", string.Empty);

        AssertError("incidents/panic-anxiety.yaml", line, "step 'quiet' has no way forward");
    }

    [Fact]
    public void ChecklistWithoutScoring_IsReported()
    {
        var path = Path.Combine(_folder, "checklists/weapon.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("results:\n", StringComparison.Ordinal);
        var end = text.IndexOf("sources:\n", StringComparison.Ordinal);
        File.WriteAllText(path, text.Remove(start, end - start));

        AssertError("checklists/weapon.yaml", LineOf("checklists/weapon.yaml", "kind: checklist"), "checklist 'weapon' has no scoring");
    }

    [Fact]
    public void ReferralToUndefinedService_IsReported_AtTheServiceLine()
    {
        var line = Edit("incidents/missing-student.yaml", "  - service: head-teacher\n", "  - service: head-teachers\n");

        AssertError("incidents/missing-student.yaml", line, "referral to undefined service 'head-teachers'");
    }

    [Fact]
    public void DuplicateId_AcrossFiles_IsReported_AtTheSecondFile()
    {
        File.Copy(Path.Combine(_folder, "incidents/panic-anxiety.yaml"), Path.Combine(_folder, "incidents/panic-copy.yaml"));

        AssertError("incidents/panic-copy.yaml", LineOf("incidents/panic-copy.yaml", "kind: protocol"), "duplicate protocol id 'panic-anxiety' (first defined at incidents/panic-anxiety.yaml:");
    }

    [Fact]
    public void DuplicateStepId_IsReported_AtTheSecondStep()
    {
        var line = Edit("incidents/online-harm.yaml", "  - id: tell-lead-today\n", "  - id: tell-lead-now\n");

        AssertError("incidents/online-harm.yaml", line, "duplicate step id 'tell-lead-now'");
    }

    [Fact]
    public void MissingSources_AreReported()
    {
        var path = Path.Combine(_folder, "services.yaml");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("sources:\n", StringComparison.Ordinal)]);

        AssertError("services.yaml", LineOf("services.yaml", "kind: services"), "no 'sources' list");
    }

    [Fact]
    public void UnknownRegion_IsReported_AtTheRegionLine()
    {
        var line = Edit("school.yaml", "region: uk\n", "region: fr\n");

        AssertError("school.yaml", line, "unknown region 'fr' (region packs: uk, us)");
    }

    [Fact]
    public void YamlSyntaxError_IsReported_WithTheLine()
    {
        var line = Edit("incidents/online-harm.yaml", "title: Online harm or exploitation\n", "title: Online harm: or exploitation\n");

        AssertError("incidents/online-harm.yaml", line, "YAML syntax error");
    }

    [Fact]
    public void ChangedAsqWording_IsRefused()
    {
        var line = Edit(
            "checklists/asq.yaml",
            "    text: In the past week, have you been having thoughts about killing yourself?",
            "    text: In the past week, have you had thoughts of suicide?");

        AssertError("checklists/asq.yaml", line, "ASQ question q3 must read exactly as NIMH published it");
    }

    [Fact]
    public void ChangedAsqScoring_IsRefused()
    {
        Edit("checklists/asq.yaml", "        answers: [\"yes\", declined]\nresults:", "        answers: [\"yes\"]\nresults:");

        AssertError("checklists/asq.yaml", LineOf("checklists/asq.yaml", "kind: checklist"), "the ASQ must ask q5 when any of q1-q4 is yes or declined");
    }

    [Fact]
    public void RiskLabel_InTheUkPack_IsRefused()
    {
        var line = Edit("incidents/panic-anxiety.yaml", "    do: Record what happened on the school's system", "    do: Record it as high risk on the school's system");

        AssertError("incidents/panic-anxiety.yaml", line, "contains \"high risk\", which region pack 'uk' forbids");
    }

    [Fact]
    public void UnknownPlaceholder_IsReported()
    {
        var line = Edit("incidents/self-harm.yaml", "    do: Tell the {role:duty_lead} now, in person or by phone.", "    do: Tell the {role:dutylead} now, in person or by phone.");

        AssertError("incidents/self-harm.yaml", line, "region pack 'uk' has no role 'dutylead'");
    }

    [Fact]
    public void Loop_IsReported()
    {
        Edit("incidents/staff-allegation.yaml", "    next: record\n  - id: record", "    next: listen\n  - id: record");

        var result = ProtocolCatalogLoader.LoadFolder(_folder);
        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.File == "incidents/staff-allegation.yaml" && e.Message.Contains("loop back to 'listen'", StringComparison.Ordinal));
    }

    [Fact]
    public void MisspeltField_IsReported_NotIgnored()
    {
        var line = Edit("incidents/suicidal-thoughts.yaml", "    next: asq\n  - id: asq", "    nxt: asq\n  - id: asq");

        AssertError("incidents/suicidal-thoughts.yaml", line, "unknown field 'nxt'");
    }

    [Fact]
    public void EveryError_IsReturned_NotJustTheFirst()
    {
        var first = Edit("school.yaml", "region: uk\n", "region: fr\n");
        var second = Edit("incidents/missing-student.yaml", "  - service: head-teacher\n", "  - service: nobody\n");

        var errors = ProtocolCatalogLoader.LoadFolder(_folder).Errors;

        Assert.Contains(errors, e => e.File == "school.yaml" && e.Line == first);
        Assert.Contains(errors, e => e.File == "incidents/missing-student.yaml" && e.Line == second);
    }

    [Fact]
    public void Errors_PrintAsFileColonLine()
    {
        var line = Edit("school.yaml", "region: uk\n", "region: fr\n");

        var error = ProtocolCatalogLoader.LoadFolder(_folder).Errors.First(e => e.File == "school.yaml");

        Assert.Equal($"school.yaml:{line}: unknown region 'fr' (region packs: uk, us)", error.ToString());
    }

    [Fact]
    public void MissingFolder_IsAnError_NotAnException()
    {
        var result = ProtocolCatalogLoader.LoadFolder(Path.Combine(_folder, "nowhere"));

        Assert.Null(result.Catalog);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void ContentGivenAsPathsAndTexts_LoadsLikeTheFolder()
    {
        var files = Directory.EnumerateFiles(_folder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => new ContentFile(Path.GetRelativePath(_folder, f).Replace('\\', '/'), File.ReadAllText(f)));

        var result = ProtocolCatalogLoader.Load(files);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(10, result.Catalog!.Protocols.Count);
    }

    /// <summary>Replaces a unique piece of a file; returns the 1-based line where the replacement starts.</summary>
    [Fact]
    public void RotaNamingSomeoneNotInPeople_IsReported_AtTheSlot()
    {
        var line = Edit("rota.yaml", "  - days: [tuesday, thursday]\n    lead: deputy-1\n", "  - days: [tuesday, thursday]\n    lead: deputy-9\n");

        AssertError("rota.yaml", line, "'deputy-9' is not in 'people'");
    }

    [Fact]
    public void RotaWithAWeekdayNobodyCovers_IsReported()
    {
        Edit("rota.yaml", "  - days: [tuesday, thursday]\n", "  - days: [tuesday]\n");

        AssertError("rota.yaml", LineOf("rota.yaml", "kind: rota"), "nobody is on duty on Thursdays");
    }

    [Fact]
    public void RotaWithAnUnknownTimeZone_IsReported_AtItsLine()
    {
        var line = Edit("rota.yaml", "timezone: Europe/London\n", "timezone: Europe/Londn\n");

        AssertError("rota.yaml", line, "unknown time zone 'Europe/Londn'");
    }

    [Fact]
    public void RotaPersonWithNoTeamsIdentity_IsReported_AtThePerson()
    {
        var line = Edit("rota.yaml", "  - id: head\n    name: Jordan Lee\n    role: head teacher\n    email: head@example.org\n", "  - id: head\n    name: Jordan Lee\n    role: head teacher\n");

        AssertError("rota.yaml", line, "Jordan Lee needs aad_object_id or email");
    }

    [Fact]
    public void RotaWithATermThatEndsBeforeItStarts_IsReported()
    {
        var line = Edit("rota.yaml", "from: 2027-01-05, to: 2027-03-26", "from: 2027-03-05, to: 2027-01-26");

        AssertError("rota.yaml", line, "ends (2027-01-26) before it starts (2027-03-05)");
    }

    [Fact]
    public void MissingRota_IsReported()
    {
        File.Delete(Path.Combine(_folder, "rota.yaml"));

        AssertError("rota.yaml", 0, "no duty rota");
    }

    [Fact]
    public void FollowUpRule_NamingAnUnknownService_IsReported_AtTheRule()
    {
        var line = LineOf("follow-ups.yaml", "  - id: therapy-week-6\n");
        Edit("follow-ups.yaml", "  - id: therapy-week-6\n    when: referral_approved\n    referrals: [counsellor,", "  - id: therapy-week-6\n    when: referral_approved\n    referrals: [counselor,");

        AssertError("follow-ups.yaml", line, "names referral service 'counselor', which is not in services.yaml");
    }

    [Fact]
    public void FollowUpDue_InAnUnknownUnit_IsReported_AtItsLine()
    {
        var line = Edit("follow-ups.yaml", "    due: 2 school weeks\n", "    due: 2 fortnights\n");

        AssertError("follow-ups.yaml", line, "'due' in a follow-up rule is '2 fortnights'");
    }

    [Fact]
    public void FollowUpAfter_AnUnknownRule_IsReported_AtTheRule()
    {
        var line = LineOf("follow-ups.yaml", "  - id: referral-outcome\n");
        Edit("follow-ups.yaml", "    after: referral-receipt\n", "    after: referral-reciept\n");

        AssertError("follow-ups.yaml", line, "comes after 'referral-reciept', which is not a rule in this file");
    }

    [Fact]
    public void FollowUpOwnedByTheDecidingLead_OnAReport_IsReported()
    {
        var line = LineOf("follow-ups.yaml", "  - id: student-check-in\n");
        Edit("follow-ups.yaml", "    when: report_completed\n    owner: reporter\n", "    when: report_completed\n    owner: deciding_lead\n");

        AssertError("follow-ups.yaml", line, "only escalation_decided and referral_approved have one");
    }

    [Fact]
    public void AnAsqWithoutItsFollowUpPrompt_IsReported()
    {
        var line = LineOf("checklists/asq.yaml", "  - id: q5\n");
        Edit("checklists/asq.yaml", "    follow_ups:\n      - id: describe\n        text: \"If yes, please describe:\"\n", string.Empty);

        AssertError("checklists/asq.yaml", line, "ASQ question q5 must have exactly the follow-up prompts NIMH prints under it");
    }

    [Fact]
    public void SwitchToAnUnknownProtocol_IsReported()
    {
        var line = Edit("incidents/abuse-neglect.yaml", "        switch_to: staff-allegation\n", "        switch_to: staff-alegation\n");

        AssertError("incidents/abuse-neglect.yaml", line, "switches to unknown protocol 'staff-alegation'");
    }

    [Fact]
    public void SwitchToTheSameProtocol_IsReported()
    {
        var line = Edit("incidents/abuse-neglect.yaml", "        switch_to: staff-allegation\n", "        switch_to: abuse-neglect\n");

        AssertError("incidents/abuse-neglect.yaml", line, "switches to this same protocol");
    }

    [Fact]
    public void AnAnswerWithBothNextAndSwitchTo_IsReported()
    {
        var line = Edit("incidents/abuse-neglect.yaml", "        switch_to: staff-allegation\n", "        switch_to: staff-allegation\n        next: listen\n") + 1;

        AssertError("incidents/abuse-neglect.yaml", line, "has both 'next' and 'switch_to'");
    }

    private int Edit(string file, string find, string replace)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found in {file}");
        Assert.Equal(index, text.LastIndexOf(find, StringComparison.Ordinal));
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }

    private int LineOf(string file, string find)
    {
        var text = File.ReadAllText(Path.Combine(_folder, file));
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found in {file}");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private void AssertError(string file, int line, string message)
    {
        var result = ProtocolCatalogLoader.LoadFolder(_folder);

        Assert.Null(result.Catalog);
        Assert.True(
            result.Errors.Any(e => e.File == file && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {file}:{line}: ...{message}... but got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }
}
