using MxAzurePortal.Application.Admin;

namespace MxAzurePortal.Web.Pages.Admin;

/// <summary>What the _AdminTickets partial shows; on one cluster's page its organisation and cluster columns would repeat the page.</summary>
public sealed record AdminTicketsTable(IReadOnlyList<AdminTicketRow> Rows, bool OfOneCluster = false);
