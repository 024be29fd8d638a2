import type { Generated } from 'kysely';
import type {
  CampaignStatus,
  Hosting,
  ProductKind,
  ProductStatus,
  PurposeCategory,
  SystemScope,
  SystemStatus,
} from '../../core/steer/registers.js';

// Steer's registers: DX products (with evidence files and linked tasks), information systems, and the review
// campaigns asking owner units to re-confirm their systems (migration 2026-12-06-0430-steer-registers).

export interface SteerProductsTable {
  id: Generated<number>;
  unitId: number;
  year: number;
  name: string;
  description: string;
  kind: ProductKind;
  link: string | null;
  status: ProductStatus;
  returnReason: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface SteerProductFilesTable {
  id: Generated<number>;
  productId: number;
  fileId: number;
}

export interface SteerProductTasksTable {
  id: Generated<number>;
  productId: number;
  taskId: number;
}

export interface SteerSystemsTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  purpose: string;
  purposeCategory: PurposeCategory;
  scope: SystemScope;
  usersText: string;
  status: SystemStatus;
  investmentVnd: number | null;
  yearlyBudgetVnd: number | null;
  startDate: string | null;
  goLiveDate: string | null;
  retirementDate: string | null;
  hosting: Hosting;
  lgspIntegrated: number;
  /** JSON array of NationalDatabase codes. */
  nationalDbs: string;
  dataShared: string | null;
  dataConsumed: string | null;
  securityLevel: number | null;
  securityPlanApproved: number;
  securityDecisionNumber: string | null;
  securityDecisionDate: string | null;
  lastReviewDate: string | null;
  reviewFindings: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface SteerReviewCampaignsTable {
  id: Generated<number>;
  name: string;
  rootUnitId: number;
  dueDate: string;
  status: CampaignStatus;
  createdBy: number | null;
  createdAt: string;
  closedAt: string | null;
  isDemo: Generated<number>;
}

export interface SteerReviewItemsTable {
  id: Generated<number>;
  campaignId: number;
  systemId: number;
  unitId: number;
  confirmedAt: string | null;
  confirmedBy: number | null;
  changed: Generated<number>;
  note: string | null;
}

export interface SteerRegisterTables {
  steerProducts: SteerProductsTable;
  steerProductFiles: SteerProductFilesTable;
  steerProductTasks: SteerProductTasksTable;
  steerSystems: SteerSystemsTable;
  steerReviewCampaigns: SteerReviewCampaignsTable;
  steerReviewItems: SteerReviewItemsTable;
}
