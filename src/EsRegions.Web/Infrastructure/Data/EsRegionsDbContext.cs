using System.Linq.Expressions;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. Tenant-owned rows are filtered by the named "Tenant" query filter of this instance's tenant
/// (no tenant: no rows), and SaveChanges stamps, checks and audits every change of tenant data.
/// </summary>
public sealed class EsRegionsDbContext(
    DbContextOptions<EsRegionsDbContext> options,
    TenantContext tenantContext,
    AuditActor actor,
    TimeProvider clock) : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    /// <summary>The tenant this context reads and writes; Guid.Empty outside a tenant scope (matches nothing).</summary>
    public Guid CurrentTenantId { get; } = tenantContext.Tenant?.Id ?? Guid.Empty;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every app instance (cookies, antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EsRegionsDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTenantId))),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, filter);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var ownTransaction = Database.CurrentTransaction is null;
        using var detected = PrepareChanges();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (ownTransaction) RaiseCommitted();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ownTransaction = Database.CurrentTransaction is null;
        using var detected = PrepareChanges();
        var bulk = BulkInsert.Take(ChangeTracker);
        if (bulk.Count == 0)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction) RaiseCommitted();
            return saved;
        }
        // Many new rows of a kind (BulkInsert): EF writes the rest first, then one statement per such table, all in
        // one transaction (the caller's, or one of its own).
        var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            saved += await BulkInsert.WriteAsync(this, bulk, cancellationToken);
            // Its commit raises Committed (CommitNotifier), as any transaction of the context does.
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            BulkInsert.Saved(this, bulk);
            return saved;
        }
        catch
        {
            BulkInsert.Failed(this, bulk);
            throw;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Changes of this context are committed: a save outside a transaction has returned from the database, or a
    /// transaction of this context has committed (<see cref="CommitNotifier"/>). May be raised more than once for one
    /// commit; handlers must not mind.
    /// </summary>
    public event EventHandler? Committed;

    internal void RaiseCommitted() => Committed?.Invoke(this, EventArgs.Empty);

    /// <summary>
    /// Detects changes once, stamps and checks the tenant of every change, adds their audit rows; returns a scope in which
    /// the change tracker does not detect changes again (until it is disposed, after the save). EF would otherwise scan
    /// every tracked entity twice more, in <c>Entries()</c> and in <c>SaveChanges</c>: three scans of the 5,000 entities
    /// of a fan-out of 1,000 invitations (docs/performance.md). Nothing changes the entities between here and the save.
    /// </summary>
    private DetectedChanges PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var detected = new DetectedChanges(ChangeTracker);
        try
        {
            var entries = TenantWriteGuard.Check(ChangeTracker, CurrentTenantId);
            AuditEntries.AddRange(AuditWriter.Describe(entries, actor.Name, clock.GetUtcNow()));
            return detected;
        }
        catch
        {
            detected.Dispose();
            throw;
        }
    }

    private readonly struct DetectedChanges : IDisposable
    {
        private readonly Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker _tracker;
        private readonly bool _auto;

        public DetectedChanges(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker)
        {
            _tracker = tracker;
            _auto = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => _tracker.AutoDetectChangesEnabled = _auto;
    }
}

/// <summary>Raises <see cref="EsRegionsDbContext.Committed"/> when a transaction of the context commits.</summary>
internal sealed class CommitNotifier : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly CommitNotifier Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as EsRegionsDbContext)?.RaiseCommitted();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as EsRegionsDbContext)?.RaiseCommitted();
        return Task.CompletedTask;
    }
}
